package dev.claimdesk.review.messaging;

import dev.claimdesk.review.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code verdict.published.v1} (contracts/verdict.published.v1.schema.json): the Verdict with its event id. */
public record VerdictPublished(UUID eventId, Instant occurredAt, UUID id, int version, long sequence, UUID clusterId,
                               List<UUID> claimIds, String claimReviewed, UUID claimReviewedId, String rating,
                               List<dev.claimdesk.review.ClaimRating> claimRatings, String explanation,
                               List<Source> sources, List<String> reviewers, Instant publishedAt, Integer correctionOf,
                               String url) {
}
