package dev.claimdesk.claims.service;

import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.messaging.TaskUpdated;
import dev.claimdesk.claims.messaging.VerdictPublished;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


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
        cluster.verdictClaimRatings = new java.util.HashMap<>();
        if (verdict.claimRatings() != null) {
            verdict.claimRatings().forEach(r -> cluster.verdictClaimRatings.put(r.claimId(), r.rating()));
        }
        cluster.verdictSequence = verdict.sequence();
        clusters.settle(cluster.id);
    }

    /**
     * Task changes taken together: their clusters locked in one query, each change applied in arrival order to the
     * cluster as the changes before it left it, and the claims of the clusters that now show another status
     * rewritten with one statement for each status shown.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyTasks(List<TaskUpdated> tasks) {
        tasks.forEach(TaskUpdated::requireValid);
        Map<UUID, ClaimCluster> roots = clusters.lockRoots(tasks.stream().map(TaskUpdated::clusterId).toList());
        Map<ClaimCluster, String> shownBefore = new LinkedHashMap<>();
        for (TaskUpdated task : tasks) {
            ClaimCluster cluster = roots.get(task.clusterId());
            if (cluster == null) {
                throw unknown("task.updated.v1", task.clusterId());
            }
            if (task.taskId().equals(cluster.taskId) && cluster.taskVersion != null && cluster.taskVersion >= task.version()) {
                continue;
            }
            shownBefore.putIfAbsent(cluster, cluster.claimStatus());
            cluster.taskId = task.taskId();
            cluster.taskStatus = task.status();
            cluster.taskVersion = task.version();
        }
        // most task changes (assigned, second review) leave what the claims show as it was
        shownBefore.entrySet().removeIf(shown -> shown.getKey().claimStatus().equals(shown.getValue()));
        clusters.showStatus(shownBefore.keySet());
    }

    private ClaimCluster cluster(UUID id, String event) {
        return clusters.lockRoot(id).orElseThrow(() -> unknown(event, id));
    }

    private static PoisonMessageException unknown(String event, UUID clusterId) {
        // a cluster this service never made cannot be reviewed: retrying will not make it appear
        return new PoisonMessageException(event + " for unknown cluster " + clusterId, null);
    }
}
