package dev.claimdesk.review.rest;

import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The contract's Task, with the claims it is about, whether it is past due, and its verdict once published. */
public record TaskView(UUID id, UUID clusterId, List<UUID> claimIds, double priority, Instant dueAt, boolean overdue,
                       String status, String assignee, String stage, long version, String skill, Instant createdAt,
                       List<ClaimView> claims, VerdictRef verdict) {

    public record ClaimView(UUID id, UUID articleId, String type, String text, double checkworthiness, boolean casualties,
                            boolean conflicted) {
        static ClaimView of(ClusterClaim c) {
            return new ClaimView(c.claimId, c.articleId, c.type, c.text, c.checkworthiness, c.casualties, c.conflicted);
        }
    }

    public record VerdictRef(UUID id, int version, String rating) {
    }

    static TaskView of(ReviewTask t, List<ClusterClaim> claims, Verdict verdict, Instant now) {
        return new TaskView(t.id, t.clusterId, claims.stream().map(c -> c.claimId).toList(), t.priority, t.dueAt,
                t.open() && t.dueAt.isBefore(now), t.status, t.assignee, t.stage, t.version, t.skill, t.createdAt,
                claims.stream().map(ClaimView::of).toList(),
                verdict == null ? null : new VerdictRef(verdict.id, verdict.version, verdict.rating));
    }
}
