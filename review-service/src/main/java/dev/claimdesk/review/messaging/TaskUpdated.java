package dev.claimdesk.review.messaging;

import dev.claimdesk.review.ReviewTask;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code task.updated.v1} (contracts/task.updated.v1.schema.json). */
public record TaskUpdated(UUID eventId, Instant occurredAt, UUID taskId, UUID clusterId, List<UUID> claimIds,
                          double priority, String stage, String status, String assignee, Instant dueAt, long version) {

    public static TaskUpdated of(UUID eventId, Instant at, ReviewTask task, List<UUID> claimIds) {
        return new TaskUpdated(eventId, at, task.id, task.clusterId, claimIds, task.priority, task.stage, task.status,
                task.assignee, task.dueAt, task.version);
    }
}
