package dev.claimdesk.review.rest;

import dev.claimdesk.review.messaging.ClaimExtracted;

import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.service.Disagreements;
import dev.claimdesk.review.service.Waiting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's Task, with the claims it is about, the one it is reviewed as ({@code leadClaimId}: the desk shows
 * it and a verdict names it), whether it is past due, its verdict once published, and while it waits for a
 * reviewer, why.
 */
public record TaskView(UUID id, UUID clusterId, List<UUID> claimIds, UUID leadClaimId, double priority, Instant dueAt, boolean overdue,
                       String status, String assignee, String stage, long version, String skill, Instant createdAt,
                       List<ClaimView> claims, VerdictRef verdict, Waiting.Why waiting) {

    /**
     * A claim of the task's cluster, with the outlet that told it (null until its article is known here);
     * {@code ratedApart}: its figure disagrees with the lead's, so a verdict rates it on its own in claimRatings.
     */
    public record ClaimView(UUID id, UUID articleId, String outlet, String type, String text, double checkworthiness,
                            boolean casualties, boolean conflicted, boolean ratedApart,
                            List<ClaimExtracted.Reason> checkworthinessReasons, String speaker) {
        static ClaimView of(ClusterClaim c, Map<UUID, String> outlets, Set<UUID> apart) {
            return new ClaimView(c.claimId, c.articleId, outlets.get(c.articleId), c.type, c.text, c.checkworthiness, c.casualties,
                    c.conflicted, apart.contains(c.claimId), c.checkworthinessReasons == null ? List.of() : c.checkworthinessReasons,
                    c.speaker);
        }
    }

    public record VerdictRef(UUID id, int version, String rating) {
    }

    static TaskView of(ReviewTask t, List<ClusterClaim> claims, Map<UUID, String> outlets, Verdict verdict, Waiting.Why waiting,
                       Instant now) {
        Set<UUID> apart = Disagreements.ratedApart(t.leadClaimId, claims);
        return new TaskView(t.id, t.clusterId, claims.stream().map(c -> c.claimId).toList(), t.leadClaimId, t.priority, t.dueAt,
                t.open() && t.dueAt.isBefore(now), t.status, t.assignee, t.stage, t.version, t.skill, t.createdAt,
                claims.stream().map(c -> ClaimView.of(c, outlets, apart)).toList(),
                verdict == null ? null : new VerdictRef(verdict.id, verdict.version, verdict.rating), waiting);
    }
}
