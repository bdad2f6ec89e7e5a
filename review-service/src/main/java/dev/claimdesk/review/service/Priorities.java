package dev.claimdesk.review.service;

import dev.claimdesk.review.ClusterClaim;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How urgently a cluster needs a verdict, 0..100. Casualty figures and figures that disagree across sources come
 * first: either puts a cluster at 50 or more, where nothing else reaches. Below that, its most check-worthy claim
 * counts most, then how many independent sources tell it, then figures and military actions over quotes and
 * events. The band a priority falls in sets the time to a verdict.
 */
public final class Priorities {

    public enum Band { URGENT, HIGH, NORMAL, LOW }

    private Priorities() {
    }

    public static double of(List<ClusterClaim> claims) {
        ClusterClaim top = lead(claims);
        double priority = 38 * top.checkworthiness;
        long sources = claims.stream().map(c -> c.source).distinct().count();
        priority += 2 * Math.min(4, sources - 1);
        if (top.type.equals("STATISTIC") || top.type.equals("MILITARY_ACTION")) {
            priority += 3;
        }
        if (claims.stream().anyMatch(c -> c.casualties || c.conflicted)) {
            priority += 50;
        }
        return Math.round(Math.min(100, priority) * 10) / 10.0;
    }

    public static Band band(double priority) {
        return priority >= 50 ? Band.URGENT : priority >= 35 ? Band.HIGH : priority >= 20 ? Band.NORMAL : Band.LOW;
    }

    /**
     * The claim a new task is reviewed as: its cluster's most check-worthy, on a tie the one told earliest in its
     * article, then by article and claim id, so that the same claims always give the same lead.
     */
    public static ClusterClaim lead(List<ClusterClaim> claims) {
        return claims.stream().min(Comparator.comparingDouble((ClusterClaim c) -> -c.checkworthiness)
                .thenComparingInt(c -> c.start).thenComparing(c -> c.articleId).thenComparing(c -> c.claimId)).orElseThrow();
    }

    /**
     * The lead of a task whose cluster changed: the one it had while that claim is still in the cluster (a reviewer
     * may be rating it), else a new one by {@link #lead}.
     */
    public static ClusterClaim lead(UUID current, List<ClusterClaim> claims) {
        return claims.stream().filter(c -> c.claimId.equals(current)).findFirst().orElseGet(() -> lead(claims));
    }
}
