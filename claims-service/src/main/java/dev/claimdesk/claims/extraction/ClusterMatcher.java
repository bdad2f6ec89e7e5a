package dev.claimdesk.claims.extraction;

import java.util.HashMap;
import java.util.HashSet;
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
 * merge into the joined one when the new claim states the same thing as a member of the other cluster and the
 * two clusters, the new claim counted in, come close on average ({@link #BRIDGE_MEAN}, average linkage): one
 * loose match cannot chain unrelated clusters, one outlier member cannot block a merge. A settled cluster (one
 * with a verdict, or shaped by reviewers' split or merge) is never absorbed, and two settled clusters never
 * merge: reviewers decided them apart.
 */
public final class ClusterMatcher {

    /** A stored claim: its article and cluster, what it is compared on, and whether its cluster is settled. */
    public record Candidate(UUID claimId, UUID articleId, UUID clusterId, ClaimSimilarity.Features features,
                            boolean settled) {
    }

    /** Join {@code cluster} (a cluster absorbing the ones in {@code absorbed}), with the best score. */
    public record Match(UUID cluster, Set<UUID> absorbed, double score) {
    }

    /** How alike two articles are as whole stories (cosine of their story vectors), NaN where either is unknown. */
    @FunctionalInterface
    public interface Stories {
        Stories UNKNOWN = (article, other) -> Double.NaN;

        double likeness(UUID article, UUID other);
    }

    /** How close, on average over their members from different articles, two clusters must be to merge. */
    static final double BRIDGE_MEAN = ClaimSimilarity.SAME_CLAIM - 0.1;

    private ClusterMatcher() {
    }

    public static Optional<Match> match(ClaimSimilarity.Features claim, List<Candidate> candidates) {
        return match(claim, candidates, null);
    }

    public static Optional<Match> match(ClaimSimilarity.Features claim, List<Candidate> candidates, UUID original) {
        return match(claim, null, candidates, original, Stories.UNKNOWN);
    }

    /**
     * As {@link #match(ClaimSimilarity.Features, List)} for a claim of a rewritten copy of the article {@code original}
     * (null: none). A copy tells its original's facts in other words, so a figure of the copy and the one figure of the
     * same named measure in the original are one claim, however far the rewording took the words apart: a figure the
     * copy changed is then a conflict, not a new claim. The claim is told in {@code article}; {@code stories} says how
     * alike it and each candidate's article are as stories ({@link ClaimSimilarity#inStory}).
     */
    public static Optional<Match> match(ClaimSimilarity.Features claim, UUID article, List<Candidate> candidates, UUID original,
                                        Stories stories) {
        Candidate counterpart = original == null ? null : ClaimSimilarity.counterpartIn(claim,
                candidates.stream().filter(c -> original.equals(c.articleId())).toList(), Candidate::features).orElse(null);
        double[] scores = new double[candidates.size()];
        int best = -1;
        Map<UUID, Double> closest = new HashMap<>();
        Map<UUID, Boolean> settled = new HashMap<>();
        // a cluster holding a claim of another measure or action is closed to this one, however close its others
        Set<UUID> opposed = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (ClaimSimilarity.opposed(claim, candidate.features())) {
                opposed.add(candidate.clusterId());
            }
        }
        for (int i = 0; i < scores.length; i++) {
            Candidate candidate = candidates.get(i);
            scores[i] = opposed.contains(candidate.clusterId()) ? 0
                    : ClaimSimilarity.inStory(claim, candidate.features(), stories.likeness(article, candidate.articleId()));
            if (candidate == counterpart && !opposed.contains(candidate.clusterId())) {
                scores[i] = Math.max(scores[i], ClaimSimilarity.SAME_CLAIM);
            }
            closest.merge(candidate.clusterId(), scores[i], Math::max);
            settled.merge(candidate.clusterId(), candidate.settled(), Boolean::logicalOr);
            if (scores[i] >= ClaimSimilarity.SAME_CLAIM && (best < 0 || scores[i] >= scores[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        UUID target = candidates.get(best).clusterId();
        Set<UUID> bridged = new LinkedHashSet<>();
        for (Map.Entry<UUID, Double> e : closest.entrySet()) {
            if (!e.getKey().equals(target) && e.getValue() >= ClaimSimilarity.SAME_CLAIM
                    && !opposedAcross(candidates, target, e.getKey())
                    && linkage(scores, candidates, target, e.getKey(), stories) >= BRIDGE_MEAN) {
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
        return Optional.of(new Match(target, absorbed, scores[best]));
    }

    /** Whether a member of one cluster counts or describes another thing than a member of the other: never one. */
    private static boolean opposedAcross(List<Candidate> candidates, UUID one, UUID other) {
        for (Candidate a : candidates) {
            if (a.clusterId().equals(one)) {
                for (Candidate b : candidates) {
                    if (b.clusterId().equals(other) && ClaimSimilarity.opposed(a.features(), b.features())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The mean similarity of the pairs a merge of {@code joined} (with the new claim, whose {@code scores} are
     * given) and {@code other} would make, over members from different articles.
     */
    private static double linkage(double[] scores, List<Candidate> candidates, UUID joined, UUID other, Stories stories) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            Candidate b = candidates.get(i);
            if (!b.clusterId().equals(other)) {
                continue;
            }
            sum += scores[i];
            pairs++;
            for (Candidate a : candidates) {
                if (a.clusterId().equals(joined) && !a.articleId().equals(b.articleId())) {
                    sum += ClaimSimilarity.inStory(a.features(), b.features(), stories.likeness(a.articleId(), b.articleId()));
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }
}
