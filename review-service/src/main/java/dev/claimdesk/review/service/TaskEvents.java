package dev.claimdesk.review.service;

import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.messaging.Outbox;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.messaging.TaskUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Announces a task as it now stands, as task.updated.v1 through the outbox, in the transaction that changed it. */
@ApplicationScoped
public class TaskEvents {

    private final Outbox outbox;

    TaskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(ReviewTask task) {
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.TASKS, Exchanges.TASK_UPDATED,
                TaskUpdated.of(eventId, Instant.now().truncatedTo(ChronoUnit.MICROS), task, claimIds(task.clusterId)));
    }

    public static List<UUID> claimIds(UUID clusterId) {
        return ClusterClaim.<ClusterClaim>list("clusterId = ?1 order by articleId, start", clusterId).stream()
                .map(c -> c.claimId).toList();
    }
}
