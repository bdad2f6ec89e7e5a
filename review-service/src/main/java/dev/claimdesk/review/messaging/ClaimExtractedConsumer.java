package dev.claimdesk.review.messaging;

import dev.claimdesk.commons.messaging.Inbox;
import dev.claimdesk.review.service.TaskIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Transport: claim.extracted.v1 from queue review.claim-extracted, applied once per message id. */
@ApplicationScoped
public class ClaimExtractedConsumer {

    static final String QUEUE = "review.claim-extracted";

    private final Inbox inbox;
    private final TaskIntake intake;

    ClaimExtractedConsumer(Inbox inbox, TaskIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("claim-extracted")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return inbox.deliver(QUEUE, message, ClaimExtracted.class, intake::receive);
    }
}
