package dev.claimdesk.webui.messaging;

import dev.claimdesk.commons.messaging.Inbox;
import dev.claimdesk.webui.service.LiveQueues;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Transport: task.updated.v1 from queue webui.task-updated, applied once per message id. */
@ApplicationScoped
public class TaskUpdatedConsumer {

    static final String QUEUE = "webui.task-updated";

    private final Inbox inbox;
    private final LiveQueues live;

    TaskUpdatedConsumer(Inbox inbox, LiveQueues live) {
        this.inbox = inbox;
        this.live = live;
    }

    @Incoming("task-updated")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return inbox.deliver(QUEUE, message, TaskUpdated.class, live::changed);
    }
}
