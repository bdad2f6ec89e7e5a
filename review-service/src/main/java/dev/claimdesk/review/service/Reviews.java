package dev.claimdesk.review.service;

import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.review.ClaimRating;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.Review;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Source;
import dev.claimdesk.review.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Reviewers' ratings and what follows them. A first review publishes the verdict, unless it is high-impact (rated
 * FALSE or MOSTLY_FALSE, or the cluster holds casualty figures or conflicting figures): then a second, different
 * reviewer rates it blind. Agreement publishes; disagreement escalates to a senior reviewer, whose rating is final.
 * A published verdict changes only by a correction: a new version, the old one kept.
 */
@ApplicationScoped
public class Reviews {

    public static final List<String> RATINGS = List.of("TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "UNVERIFIABLE");
    private static final Set<String> HIGH_IMPACT_RATINGS = Set.of("FALSE", "MOSTLY_FALSE");
    private static final int MAX_EXPLANATION = 20_000;
    private static final int MAX_SOURCES = 50;
    private static final int WAITING_PER_CHANGE = 100;

    /**
     * What a reviewer submits: the contract's verdict body. {@code claimRatings} rates each claim whose figure
     * disagrees with the claim under review (none when the cluster's figures agree).
     */
    public record Submission(String rating, String explanation, List<Source> sources, List<ClaimRating> claimRatings) {
        public Submission {
            claimRatings = claimRatings == null ? List.of() : claimRatings;
        }
    }

    private final EntityManager em;
    private final Routing routing;
    private final Publication publication;
    private final TaskEvents events;
    private final Audit audit;

    Reviews(EntityManager em, Routing routing, Publication publication, TaskEvents events, Audit audit) {
        this.em = em;
        this.routing = routing;
        this.publication = publication;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Records {@code reviewer}'s rating of the task at its stage; the task must be theirs and at {@code taskVersion},
     * and {@code claimId}, when given, the claim the task leads with: the claim the rating is recorded on.
     */
    @Transactional
    public ReviewTask submit(UUID taskId, String reviewer, long taskVersion, UUID claimId, Submission submission) {
        validate(submission);
        ReviewTask task = em.find(ReviewTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw ProblemException.notFound("Task", taskId);
        }
        if (!task.open()) {
            throw new ProblemException(409, "task-closed", "Task closed", "Task " + taskId + " has its verdict already");
        }
        if (!reviewer.equals(task.assignee)) {
            throw new ProblemException(403, "not-your-task", "Not your task", "Task " + taskId + " is not assigned to you");
        }
        if (taskVersion != task.version && !task.changedOnlyBy(reviewer, taskVersion)) {
            throw new ProblemException(409, "stale-version", "Stale task version",
                    "The task is at version " + task.version + ", not " + taskVersion + ": reload it and submit again");
        }
        if (claimId != null && !claimId.equals(task.leadClaimId)) {
            throw new ProblemException(409, "lead-changed", "Not the claim under review",
                    "Task " + taskId + " is reviewed as claim " + task.leadClaimId + ", not " + claimId + ": reload it and submit again");
        }
        List<ClaimRating> claimRatings = Disagreements.require(
                Disagreements.ratedApart(task.leadClaimId, ClusterClaim.list("clusterId", task.clusterId)), submission.claimRatings());
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.taskId = task.id;
        review.stage = task.stage;
        review.reviewer = reviewer;
        review.claimId = task.leadClaimId;
        review.rating = submission.rating();
        review.claimRatings = claimRatings;
        review.explanation = submission.explanation().strip();
        review.sources = submission.sources();
        review.submittedAt = now();
        review.persist();
        Map<String, Object> rated = new LinkedHashMap<>(Map.of("stage", review.stage, "rating", review.rating));
        if (!claimRatings.isEmpty()) {
            rated.put("claimRatings", claimRatings);
        }
        audit.record(reviewer, "review.submitted", task, reviewer, null, rated);
        switch (task.stage) {
            case ReviewTask.FIRST_REVIEW -> {
                if (highImpact(task, review.rating)) {
                    task.firstReviewer = reviewer;
                    nextStage(task, ReviewTask.SECOND_REVIEW, reviewer, "task.second-review");
                } else {
                    publish(task, review, List.of(reviewer), reviewer);
                }
            }
            case ReviewTask.SECOND_REVIEW -> {
                task.secondReviewer = reviewer;
                Review first = review(task, ReviewTask.FIRST_REVIEW);
                // two ratings make one verdict only when they rate one claim alike, and the figures against it alike:
                // a lead that changed between them escalates
                if (first.rating.equals(review.rating) && Objects.equals(first.claimId, review.claimId)
                        && Disagreements.same(first.claimRatings, review.claimRatings)) {
                    publish(task, first, union(first, review), List.of(first.reviewer, reviewer), reviewer);
                } else {
                    nextStage(task, ReviewTask.ESCALATED, reviewer, "task.escalated");
                }
            }
            default -> publish(task, review, List.of(task.firstReviewer, task.secondReviewer, reviewer), reviewer);
        }
        return task;
    }

    /** A correction of a published verdict: version {@code version} becomes the previous one. */
    @Transactional
    public Verdict correct(UUID verdictId, String actor, boolean admin, int version, String reason, Submission submission) {
        validate(submission);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("invalid-field", "Reason required", "A correction says why in reason");
        }
        AdvisoryLock.acquire(em, "claimdesk:verdict:" + verdictId);
        Verdict latest = Verdict.latest(verdictId);
        if (latest == null) {
            throw ProblemException.notFound("Verdict", verdictId);
        }
        if (!admin && !Arrays.asList(latest.reviewers).contains(actor)) {
            throw ProblemException.forbidden("Only an admin or a reviewer of verdict " + verdictId + " corrects it");
        }
        if (version != latest.version) {
            throw new ProblemException(409, "stale-version", "Stale verdict version",
                    "Verdict " + verdictId + " is at version " + latest.version + ", not " + version);
        }
        // a correction rates again the claims the verdict rated apart, none dropped silently, and those whose figures
        // have come to disagree with the claim reviewed since
        java.util.Set<UUID> apart = new java.util.LinkedHashSet<>(latest.claimRatings.stream().map(ClaimRating::claimId).toList());
        if (latest.claimReviewedId != null) {
            apart.addAll(Disagreements.ratedApart(latest.claimReviewedId, ClusterClaim.list("clusterId", latest.clusterId)));
        }
        List<ClaimRating> claimRatings = Disagreements.require(apart, submission.claimRatings());
        List<String> reviewers = new ArrayList<>(Arrays.asList(latest.reviewers));
        if (!reviewers.contains(actor)) {
            reviewers.add(actor);
        }
        Verdict corrected = publication.publish(verdictId, latest.version + 1, latest.version, reason.strip(), latest.clusterId,
                latest.taskId, new Publication.Reviewed(latest.claimReviewedId, latest.claimReviewed), submission.rating(),
                claimRatings, submission.explanation().strip(), submission.sources(), reviewers);
        ReviewTask task = em.find(ReviewTask.class, latest.taskId);
        audit.record(actor, "verdict.corrected", task, actor, Map.of("version", latest.version, "rating", latest.rating,
                        "claimRatings", latest.claimRatings),
                Map.of("version", corrected.version, "rating", corrected.rating, "reason", corrected.reason,
                        "claimRatings", corrected.claimRatings));
        return corrected;
    }

    private void nextStage(ReviewTask task, String stage, String actor, String action) {
        Map<String, Object> was = Audit.state(task);
        task.stage = stage;
        task.assignee = null;
        task.status = ReviewTask.QUEUED;
        task.updatedAt = now();
        task.version++;
        audit.record(actor, action, task, null, was, Audit.state(task));
        events.announce(task);
        routing.assign(task, Audit.SYSTEM);
    }

    private void publish(ReviewTask task, Review review, List<String> reviewers, String actor) {
        publish(task, review, review.sources, reviewers, actor);
    }

    private void publish(ReviewTask task, Review review, List<Source> sources, List<String> reviewers, String actor) {
        Verdict verdict = publication.publish(UUID.randomUUID(), 1, null, null, task.clusterId, task.id,
                Publication.Reviewed.of(review.claimId), review.rating, review.claimRatings, review.explanation, sources, reviewers);
        Map<String, Object> was = Audit.state(task);
        task.stage = ReviewTask.DONE;
        task.status = ReviewTask.DONE;
        task.updatedAt = now();
        task.version++;
        Map<String, Object> after = new LinkedHashMap<>(Audit.state(task));
        after.put("verdictId", verdict.id.toString());
        after.put("rating", verdict.rating);
        audit.record(actor, "verdict.published", task, actor, was, after);
        events.announce(task);
        // the reviewers of this task have room again: waiting tasks go to them now
        routing.routeWaiting(WAITING_PER_CHANGE);
    }

    private static List<Source> union(Review first, Review second) {
        Map<String, Source> byUrl = new LinkedHashMap<>();
        first.sources.forEach(s -> byUrl.putIfAbsent(s.url(), s));
        second.sources.forEach(s -> byUrl.putIfAbsent(s.url(), s));
        return List.copyOf(byUrl.values());
    }

    private static Review review(ReviewTask task, String stage) {
        return Review.<Review>find("taskId = ?1 and stage = ?2", task.id, stage).firstResult();
    }

    private static boolean highImpact(ReviewTask task, String rating) {
        return HIGH_IMPACT_RATINGS.contains(rating)
                || ClusterClaim.count("clusterId = ?1 and (casualties = true or conflicted = true)", task.clusterId) > 0;
    }

    /** The contract's rating scale, an explanation, and evidence at http(s) URLs; else a 400 naming what is wrong. */
    static void validate(Submission s) {
        if (s.rating() == null || !RATINGS.contains(s.rating())) {
            throw ProblemException.badRequest("invalid-rating", "Unknown rating", "rating is one of " + RATINGS);
        }
        if (s.explanation() == null || s.explanation().isBlank() || s.explanation().length() > MAX_EXPLANATION) {
            throw ProblemException.badRequest("invalid-field", "Explanation required",
                    "explanation says why, in 1 to " + MAX_EXPLANATION + " characters");
        }
        if (s.sources() == null || s.sources().size() > MAX_SOURCES
                || s.sources().isEmpty() && !s.rating().equals("UNVERIFIABLE")) {
            throw ProblemException.badRequest("invalid-field", "Evidence required",
                    "sources lists 1 to " + MAX_SOURCES + " pieces of evidence (none only for UNVERIFIABLE)");
        }
        for (Source source : s.sources()) {
            if (source == null || !isWebAddress(source.url())) {
                throw ProblemException.badRequest("invalid-source-url", "Evidence URL not http(s)",
                        "Each source has an absolute http or https url: " + (source == null ? null : source.url()));
            }
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            return uri != null && uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
