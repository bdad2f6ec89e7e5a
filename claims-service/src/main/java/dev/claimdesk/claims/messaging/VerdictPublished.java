package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code verdict.published.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictPublished(UUID eventId, Instant occurredAt, UUID id, Integer version, Long sequence, UUID clusterId,
                               List<UUID> claimIds, String rating) {
}
