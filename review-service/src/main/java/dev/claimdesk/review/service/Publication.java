package dev.claimdesk.review.service;

import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.messaging.Outbox;
import dev.claimdesk.review.ClaimRating;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.Source;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.config.ReviewConfig;
import dev.claimdesk.review.messaging.VerdictPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Publishes verdict versions: stores the version with the next feed sequence and announces it as
 * verdict.published.v1 through the outbox, in one transaction. Sequences are taken under a lock held to commit,
 * so the editors' feed lists versions in commit order and a cursor never skips one that committed late.
 */
@ApplicationScoped
public class Publication {

    private final EntityManager em;
    private final Outbox outbox;
    private final ReviewConfig config;

    Publication(EntityManager em, Outbox outbox, ReviewConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    /** The claim a verdict rates, by id (null for verdicts published before ids were recorded) and sentence. */
    public record Reviewed(UUID claimId, String text) {

        /** The claim as review-service holds it now; the caller's lock on the task keeps it in the cluster. */
        static Reviewed of(UUID claimId) {
            ClusterClaim claim = claimId == null ? null : ClusterClaim.findById(claimId);
            if (claim == null) {
                throw new IllegalStateException("the claim under review " + claimId + " is not held here");
            }
            return new Reviewed(claim.claimId, claim.text);
        }
    }

    /** A new version of verdict {@code id} (a new verdict when {@code correctionOf} is null) on the claim {@code reviewed}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Verdict publish(UUID id, int version, Integer correctionOf, String reason, UUID clusterId, UUID taskId,
                           Reviewed reviewed, String rating, List<ClaimRating> claimRatings, String explanation, List<Source> sources,
                           List<String> reviewers) {
        AdvisoryLock.acquire(em, "claimdesk:verdict-feed");
        Long last = em.createQuery("select max(v.sequence) from Verdict v", Long.class).getSingleResult();
        List<ClusterClaim> claims = ClusterClaim.list("clusterId = ?1 order by articleId, start", clusterId);
        Verdict verdict = new Verdict();
        verdict.id = id;
        verdict.version = version;
        verdict.sequence = last == null ? 1 : last + 1;
        verdict.clusterId = clusterId;
        verdict.taskId = taskId;
        verdict.claimIds = claims.stream().map(c -> c.claimId).toArray(UUID[]::new);
        verdict.claimReviewedId = reviewed.claimId();
        verdict.claimReviewed = reviewed.text();
        verdict.rating = rating;
        verdict.claimRatings = List.copyOf(claimRatings);
        verdict.explanation = explanation;
        verdict.sources = List.copyOf(sources);
        verdict.reviewers = reviewers.toArray(String[]::new);
        verdict.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        verdict.correctionOf = correctionOf;
        verdict.reason = reason;
        verdict.persist();
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.VERDICTS, Exchanges.VERDICT_PUBLISHED, event(eventId, verdict));
        return verdict;
    }

    public VerdictPublished event(UUID eventId, Verdict v) {
        return new VerdictPublished(eventId, v.publishedAt, v.id, v.version, v.sequence, v.clusterId, Arrays.asList(v.claimIds),
                v.claimReviewed, v.claimReviewedId, v.rating, v.claimRatings, v.explanation, v.sources, Arrays.asList(v.reviewers), v.publishedAt, v.correctionOf,
                url(v.id));
    }

    /** Where the newsroom publishes the verdict. */
    public String url(UUID id) {
        return config.publisher().verdictUrl().replace("{id}", id.toString());
    }
}
