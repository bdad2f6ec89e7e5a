package dev.claimdesk.review.rest;

import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contract's Task, with the claims it is about, the one it is reviewed as ({@code leadClaimId}: the desk shows
 * it and a verdict names it), whether it is past due, and its verdict once published.
 */
public record TaskView(UUID id, UUID clusterId, List<UUID> claimIds, UUID leadClaimId, double priority, Instant dueAt, boolean overdue,
                       String status, String assignee, String stage, long version, String skill, Instant createdAt,
                       List<ClaimView> claims, VerdictRef verdict) {

    /** A claim of the task's cluster, with the outlet that told it (null until its article is known here). */
    public record ClaimView(UUID id, UUID articleId, String outlet, String type, String text, double checkworthiness,
                            boolean casualties, boolean conflicted) {
        static ClaimView of(ClusterClaim c, Map<UUID, String> outlets) {
            return new ClaimView(c.claimId, c.articleId, outlets.get(c.articleId), c.type, c.text, c.checkworthiness, c.casualties,
                    c.conflicted);
        }
    }

    public record VerdictRef(UUID id, int version, String rating) {
    }

    static TaskView of(ReviewTask t, List<ClusterClaim> claims, Map<UUID, String> outlets, Verdict verdict, Instant now) {
        return new TaskView(t.id, t.clusterId, claims.stream().map(c -> c.claimId).toList(), t.leadClaimId, t.priority, t.dueAt,
                t.open() && t.dueAt.isBefore(now), t.status, t.assignee, t.stage, t.version, t.skill, t.createdAt,
                claims.stream().map(c -> ClaimView.of(c, outlets)).toList(),
                verdict == null ? null : new VerdictRef(verdict.id, verdict.version, verdict.rating));
    }
}
