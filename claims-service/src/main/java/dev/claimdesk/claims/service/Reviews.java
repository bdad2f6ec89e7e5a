package dev.claimdesk.claims.service;

import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.messaging.TaskUpdated;
import dev.claimdesk.claims.messaging.VerdictPublished;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


/**
 * Handler: applies what review-service announces to the cluster it concerns (or the cluster that absorbed it)
 * and to every claim in it. Verdicts apply in feed order (their sequence) and tasks in version order, so a
 * message delivered late never undoes a newer one.
 */
@ApplicationScoped
public class Reviews {


    private final Clusters clusters;

    Reviews(Clusters clusters) {
        this.clusters = clusters;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyVerdict(VerdictPublished verdict) {
        verdict.requireValid();
        ClaimCluster cluster = cluster(verdict.clusterId(), "verdict.published.v1");
        if (cluster.verdictSequence != null && cluster.verdictSequence >= verdict.sequence()) {
            return;
        }
        cluster.verdictId = verdict.id();
        cluster.verdictVersion = verdict.version();
        cluster.verdictRating = verdict.rating();
        cluster.verdictSequence = verdict.sequence();
        clusters.settle(cluster.id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyTask(TaskUpdated task) {
        task.requireValid();
        ClaimCluster cluster = cluster(task.clusterId(), "task.updated.v1");
        if (task.taskId().equals(cluster.taskId) && cluster.taskVersion != null && cluster.taskVersion >= task.version()) {
            return;
        }
        String shown = cluster.claimStatus();
        cluster.taskId = task.taskId();
        cluster.taskStatus = task.status();
        cluster.taskVersion = task.version();
        if (!cluster.claimStatus().equals(shown)) {
            // most task changes (assigned, second review) leave what the claims show as it was
            clusters.showStatus(cluster.id);
        }
        // task events are applied in batches: the next one for this cluster locks it by refreshing the row, which
        // would drop this change if it were still only in memory
        clusters.flush();
    }

    private ClaimCluster cluster(java.util.UUID id, String event) {
        // a cluster this service never made cannot be reviewed: retrying will not make it appear
        return clusters.lockRoot(id).orElseThrow(() -> new PoisonMessageException(event + " for unknown cluster " + id, null));
    }
}
