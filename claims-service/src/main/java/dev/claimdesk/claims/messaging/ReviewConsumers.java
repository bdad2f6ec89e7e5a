package dev.claimdesk.claims.messaging;

import dev.claimdesk.claims.service.Reviews;
import dev.claimdesk.commons.messaging.Batches;
import dev.claimdesk.commons.messaging.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Transport: what review-service announces about clusters, each applied once per message id:
 * verdict.published.v1 from claims.verdict-published, task.updated.v1 from claims.task-updated.
 */
@ApplicationScoped
public class ReviewConsumers {

    static final String VERDICTS = "claims.verdict-published";
    static final String TASKS = "claims.task-updated";

    private final Inbox inbox;
    private final Reviews reviews;
    private final Batches tasks;

    ReviewConsumers(Inbox inbox, Reviews reviews) {
        this.inbox = inbox;
        this.reviews = reviews;
        this.tasks = inbox.batched(TASKS, TaskUpdated.class, reviews::applyTasks);
    }

    @Incoming("verdict-published")
    @Blocking
    public CompletionStage<Void> verdict(Message<?> message) {
        return inbox.deliver(VERDICTS, message, VerdictPublished.class, reviews::applyVerdict);
    }

    /** About three a new article, each a few statements: applied in batches, so they cost one commit between them. */
    @Incoming("task-updated")
    public CompletionStage<Void> task(Message<?> message) {
        return tasks.accept(message);
    }
}
