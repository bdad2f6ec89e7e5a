package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code verdict.published.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictPublished(UUID eventId, Instant occurredAt, UUID id, Integer version, Long sequence, UUID clusterId,
                               List<UUID> claimIds, String rating) implements dev.claimdesk.commons.messaging.ValidEvent {

    public static final java.util.Set<String> RATINGS = java.util.Set.of("TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE",
            "UNVERIFIABLE");

    @Override
    public void requireValid() {
        if (id == null || version == null || sequence == null || clusterId == null || rating == null || !RATINGS.contains(rating)) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException(
                    "verdict.published.v1 without id, version, sequence, clusterId or a rating of " + RATINGS, null);
        }
    }
}
