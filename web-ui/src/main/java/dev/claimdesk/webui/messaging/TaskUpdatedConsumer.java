package dev.claimdesk.webui.messaging;

import dev.claimdesk.commons.messaging.BatchHandler;
import dev.claimdesk.commons.messaging.Batches;
import dev.claimdesk.commons.messaging.Inbox;
import dev.claimdesk.webui.service.LiveQueues;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Transport: task.updated.v1 from queue webui.task-updated, applied once per message id. */
@ApplicationScoped
public class TaskUpdatedConsumer {

    static final String QUEUE = "webui.task-updated";

    private final Batches updates;

    TaskUpdatedConsumer(Inbox inbox, LiveQueues live) {
        this.updates = inbox.batched(QUEUE, TaskUpdated.class, BatchHandler.each(live::changed));
    }

    @Incoming("task-updated")
    public CompletionStage<Void> consume(Message<?> message) {
        return updates.accept(message);
    }
}
