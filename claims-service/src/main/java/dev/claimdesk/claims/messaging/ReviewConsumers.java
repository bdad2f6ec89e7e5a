package dev.claimdesk.claims.messaging;

import dev.claimdesk.claims.service.Reviews;
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

    ReviewConsumers(Inbox inbox, Reviews reviews) {
        this.inbox = inbox;
        this.reviews = reviews;
    }

    @Incoming("verdict-published")
    @Blocking
    public CompletionStage<Void> verdict(Message<?> message) {
        return inbox.deliver(VERDICTS, message, VerdictPublished.class, reviews::applyVerdict);
    }

    @Incoming("task-updated")
    @Blocking
    public CompletionStage<Void> task(Message<?> message) {
        return inbox.deliver(TASKS, message, TaskUpdated.class, reviews::applyTask);
    }
}
