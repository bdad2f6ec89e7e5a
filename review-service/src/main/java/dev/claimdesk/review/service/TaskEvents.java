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
        announce(task, claimIds(task.clusterId));
    }

    /** As {@link #announce(ReviewTask)}, with the cluster's claim ids the caller has just read, in {@link #ORDER}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(ReviewTask task, List<UUID> claimIds) {
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.TASKS, Exchanges.TASK_UPDATED,
                TaskUpdated.of(eventId, Instant.now().truncatedTo(ChronoUnit.MICROS), task, claimIds));
    }

    /** The order a cluster's claims are announced in: by article, then by where they stand in it. */
    public static final String ORDER = "order by articleId, start";

    public static List<UUID> claimIds(UUID clusterId) {
        return ids(ClusterClaim.list("clusterId = ?1 " + ORDER, clusterId));
    }

    public static List<UUID> ids(List<ClusterClaim> claims) {
        return claims.stream().map(c -> c.claimId).toList();
    }
}
