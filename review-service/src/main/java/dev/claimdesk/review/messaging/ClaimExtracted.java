package dev.claimdesk.review.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code claim.extracted.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaimExtracted(UUID eventId, Instant occurredAt, UUID articleId, Integer revision, String outlet, String url,
                             Instant publishedAt, UUID copyOf, String language, List<Item> claims, List<Merge> mergedClusters,
                             String cause, String correctedBy)
        implements dev.claimdesk.commons.messaging.ValidEvent {

    @Override
    public void requireValid() {
        if (articleId == null || revision == null || revision < 1 || claims == null
                || claims.stream().anyMatch(c -> c == null || c.id() == null || c.clusterId() == null || c.type() == null || c.text() == null)
                || mergedClusters != null && mergedClusters.stream().anyMatch(m -> m == null)) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException(
                    "claim.extracted.v1 without articleId, revision, or claims with id, type, text and clusterId", null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(UUID id, String type, String text, int start, Quantity quantity, String speaker, double checkworthiness,
                       UUID clusterId, List<UUID> conflicts, List<UUID> conflictingClaims, List<Reason> checkworthinessReasons) {
    }

    /** A signal that moved a claim's check-worthiness, and by how much. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String signal, double weight) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quantity(Double value, String unit, String subject) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Merge(UUID from, UUID into) {
    }
}
