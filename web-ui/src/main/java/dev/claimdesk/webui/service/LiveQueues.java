package dev.claimdesk.webui.service;

import dev.claimdesk.webui.messaging.TaskUpdated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Handler: tells the open desks of this instance that a task changed, so a reviewer's queue shows a new or
 * reassigned task without reloading. The reviewer it is assigned to hears of it, and everyone while it waits in the
 * desk queue. A notice only: the page reads the queue itself from review-service.
 */
@ApplicationScoped
public class LiveQueues {

    /** What an open desk is told: which task changed, and a heartbeat that keeps proxies from closing the stream. */
    public record Notice(String kind, String taskId) {
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final BroadcastProcessor<TaskUpdated> changes = BroadcastProcessor.create();

    public void changed(TaskUpdated task) {
        task.requireValid();
        changes.onNext(task);
    }

    /** The notices for {@code username}'s desk. */
    public Multi<Notice> of(String username) {
        Multi<Notice> mine = changes.filter(t -> t.assignee() == null || t.assignee().equals(username))
                .map(t -> new Notice("task", t.taskId().toString()));
        Multi<Notice> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> new Notice("heartbeat", null));
        return Multi.createBy().merging().streams(mine, heartbeat);
    }
}
