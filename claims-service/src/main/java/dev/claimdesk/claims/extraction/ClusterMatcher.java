package dev.claimdesk.claims.extraction;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which cluster a new claim joins, among stored claims of other articles. It joins the cluster of
 * the most similar claim when that reaches {@link ClaimSimilarity#SAME_CLAIM}. Outlets tell one happening in
 * several sentences, so a claim may bridge two clusters that hold the same claim told differently; those
 * merge into the joined one when the new claim states the same thing as a member of the other cluster and
 * comes close to its members on average ({@link #BRIDGE_MEAN}), so a single loose match cannot chain
 * unrelated clusters. A settled cluster (one
 * with a verdict, or shaped by reviewers' split or merge) is never absorbed, and two settled clusters never
 * merge: reviewers decided them apart.
 */
public final class ClusterMatcher {

    /** A stored claim: its cluster, what it is compared on, and whether its cluster is settled. */
    public record Candidate(UUID claimId, UUID clusterId, ClaimSimilarity.Features features, boolean settled) {
    }

    /** Join {@code cluster} (a cluster absorbing the ones in {@code absorbed}), with the best score. */
    public record Match(UUID cluster, Set<UUID> absorbed, double score) {
    }

    /**
     * A claim bridges a second cluster when it states the same thing as one of its claims and comes this close
     * to them on average: one outlier member cannot block a merge, one loose match cannot force it.
     */
    static final double BRIDGE_MEAN = ClaimSimilarity.SAME_CLAIM - 0.1;

    private ClusterMatcher() {
    }

    public static Optional<Match> match(ClaimSimilarity.Features claim, List<Candidate> candidates) {
        Candidate best = null;
        double bestScore = ClaimSimilarity.SAME_CLAIM;
        Map<UUID, double[]> perCluster = new HashMap<>();
        Map<UUID, Boolean> settled = new HashMap<>();
        for (Candidate candidate : candidates) {
            double score = ClaimSimilarity.similarity(claim, candidate.features());
            double[] sum = perCluster.computeIfAbsent(candidate.clusterId(), k -> new double[3]);
            sum[0] += score;
            sum[1]++;
            sum[2] = Math.max(sum[2], score);
            settled.merge(candidate.clusterId(), candidate.settled(), Boolean::logicalOr);
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        UUID target = best.clusterId();
        Set<UUID> bridged = new LinkedHashSet<>();
        for (Map.Entry<UUID, double[]> e : perCluster.entrySet()) {
            double[] v = e.getValue();
            if (!e.getKey().equals(target) && v[2] >= ClaimSimilarity.SAME_CLAIM && v[0] / v[1] >= BRIDGE_MEAN) {
                bridged.add(e.getKey());
            }
        }
        // a settled cluster survives a merge, so a verdict or reviewers' split stays where they left it
        boolean targetSettled = settled.get(target);
        Set<UUID> absorbed = new LinkedHashSet<>();
        for (UUID other : bridged) {
            if (!settled.get(other)) {
                absorbed.add(other);
            } else if (!targetSettled) {
                absorbed.add(target);
                target = other;
                targetSettled = true;
            }
        }
        absorbed.remove(target);
        return Optional.of(new Match(target, absorbed, bestScore));
    }
}
