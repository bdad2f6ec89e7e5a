package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code verdict.published.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictPublished(UUID eventId, Instant occurredAt, UUID id, Integer version, Long sequence, UUID clusterId,
                               List<UUID> claimIds, String rating, List<ClaimRating> claimRatings)
        implements dev.claimdesk.commons.messaging.ValidEvent {

    /** A claim the verdict rated on its own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClaimRating(UUID claimId, String rating) {
    }

    public static final java.util.Set<String> RATINGS = java.util.Set.of("TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE",
            "UNVERIFIABLE");

    @Override
    public void requireValid() {
        if (id == null || version == null || sequence == null || clusterId == null || rating == null || !RATINGS.contains(rating)
                || claimRatings != null && claimRatings.stream().anyMatch(r -> r == null || r.claimId() == null || !RATINGS.contains(r.rating()))) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException(
                    "verdict.published.v1 without id, version, sequence, clusterId or a rating of " + RATINGS
                            + " (for the verdict and each of claimRatings)", null);
        }
    }
}
