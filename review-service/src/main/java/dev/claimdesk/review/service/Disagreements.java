package dev.claimdesk.review.service;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.review.ClaimRating;
import dev.claimdesk.review.ClusterClaim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which claims of a cluster a verdict rates on their own: those whose figures conflict with the figure of the claim
 * the verdict is on. One rating cannot be right for two figures that cannot both be true; the claims that agree
 * with the lead take its rating.
 */
public final class Disagreements {

    private Disagreements() {
    }

    /**
     * The claims of {@code claims} whose figures conflict with {@code lead}'s, in the order given: with the lead
     * itself, or with a claim whose figure is the lead's (claims-service records a figure's conflict with one claim
     * of each value).
     */
    public static Set<UUID> ratedApart(UUID lead, List<ClusterClaim> claims) {
        ClusterClaim leading = claims.stream().filter(c -> c.claimId.equals(lead)).findFirst().orElse(null);
        if (leading == null) {
            return Set.of();
        }
        Set<UUID> agreeing = new java.util.HashSet<>();
        for (ClusterClaim c : claims) {
            if (c.claimId.equals(lead) || leading.figure != null && leading.figure.equals(c.figure)) {
                agreeing.add(c.claimId);
            }
        }
        Set<UUID> apart = new LinkedHashSet<>();
        for (ClusterClaim c : claims) {
            if (!agreeing.contains(c.claimId) && claims.stream().anyMatch(o -> agreeing.contains(o.claimId) && conflicting(c, o))) {
                apart.add(c.claimId);
            }
        }
        return apart;
    }

    /** Each side lists the conflict only if it was announced after the conflict arose: read both ways. */
    private static boolean conflicting(ClusterClaim a, ClusterClaim b) {
        return Arrays.asList(a.conflictsWith).contains(b.claimId) || Arrays.asList(b.conflictsWith).contains(a.claimId);
    }

    /**
     * The ratings given for the claims rated apart, in their order: exactly one for each, with a rating of the
     * scale; else a 400 naming the claims missing or not expected.
     */
    public static List<ClaimRating> require(Set<UUID> apart, List<ClaimRating> given) {
        Map<UUID, String> byClaim = new HashMap<>();
        for (ClaimRating r : given) {
            if (r == null || r.claimId() == null || !Reviews.RATINGS.contains(r.rating())) {
                throw invalid("Each of claimRatings is {claimId, rating} with rating one of " + Reviews.RATINGS);
            }
            if (byClaim.put(r.claimId(), r.rating()) != null) {
                throw invalid("claimRatings rates claim " + r.claimId() + " more than once");
            }
        }
        Set<UUID> unexpected = byClaim.keySet().stream().filter(id -> !apart.contains(id)).collect(Collectors.toSet());
        List<UUID> missing = apart.stream().filter(id -> !byClaim.containsKey(id)).toList();
        if (!unexpected.isEmpty()) {
            throw invalid("claimRatings rates only the claims whose figures disagree with the claim under review "
                    + (apart.isEmpty() ? "(none here)" : apart) + ", not " + unexpected);
        }
        if (!missing.isEmpty()) {
            throw invalid("The figures of claims " + missing + " disagree with the claim under review: rate each in claimRatings");
        }
        return apart.stream().map(id -> new ClaimRating(id, byClaim.get(id))).toList();
    }

    /** Whether two sets of ratings rate the same claims alike. */
    static boolean same(List<ClaimRating> a, List<ClaimRating> b) {
        return Set.copyOf(a).equals(Set.copyOf(b));
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-claim-ratings", "Claim ratings do not match the disagreeing figures", detail);
    }
}
