package dev.claimdesk.review.service;

import dev.claimdesk.review.ClusterClaim;

import java.util.Comparator;
import java.util.List;

/**
 * How urgently a cluster needs a verdict, 0..100: its most check-worthy claim, casualty figures and figures that
 * disagree across sources first, then how many independent sources tell it, then figures and military actions
 * over quotes and events. The band it falls in sets the time to a verdict.
 */
public final class Priorities {

    public enum Band { URGENT, HIGH, NORMAL, LOW }

    private Priorities() {
    }

    public static double of(List<ClusterClaim> claims) {
        ClusterClaim lead = lead(claims);
        double priority = 40 * lead.checkworthiness;
        if (claims.stream().anyMatch(c -> c.casualties)) {
            priority += 25;
        }
        if (claims.stream().anyMatch(c -> c.conflicted)) {
            priority += 20;
        }
        long sources = claims.stream().map(c -> c.source).distinct().count();
        priority += 2.5 * Math.min(4, sources - 1);
        if (lead.type.equals("STATISTIC") || lead.type.equals("MILITARY_ACTION")) {
            priority += 5;
        }
        return Math.round(Math.min(100, priority) * 10) / 10.0;
    }

    public static Band band(double priority) {
        return priority >= 75 ? Band.URGENT : priority >= 50 ? Band.HIGH : priority >= 25 ? Band.NORMAL : Band.LOW;
    }

    /** The claim a cluster is reviewed as: its most check-worthy, the earliest told on a tie. */
    public static ClusterClaim lead(List<ClusterClaim> claims) {
        return claims.stream().max(Comparator.comparingDouble((ClusterClaim c) -> c.checkworthiness)
                .thenComparing(c -> -c.start)).orElseThrow();
    }
}
