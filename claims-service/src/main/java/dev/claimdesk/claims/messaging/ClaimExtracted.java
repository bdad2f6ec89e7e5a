package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.extraction.CheckWorthiness;
import dev.claimdesk.claims.extraction.Measures;
import dev.claimdesk.claims.extraction.Quantity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Body of {@code claim.extracted.v1} (contracts/claim.extracted.v1.schema.json). */
public record ClaimExtracted(UUID eventId, Instant occurredAt, UUID articleId, int revision, String outlet, String url,
                             Instant publishedAt, UUID copyOf, String language, String extractionStatus, List<Item> claims,
                             List<Merge> mergedClusters, Cause cause, String correctedBy) {

    /** Why the revision's claims are announced (again): extracted, or corrected by a reviewer ({@code correctedBy}). */
    public enum Cause { EXTRACTION, CORRECTION }

    /** A cluster whose claims now belong to another: its task, verdict and conflicts go with them. */
    public record Merge(UUID from, UUID into) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(UUID id, String type, String text, int start, int end, Quantity quantity, String speaker,
                       String attribution, List<String> places, String actor, double checkworthiness, UUID clusterId,
                       List<UUID> conflicts, List<UUID> conflictingClaims, String measure, String action,
                       List<CheckWorthiness.Reason> checkworthinessReasons) {

        public static Item of(Claim c, List<UUID> conflicts, List<UUID> conflictingClaims) {
            return new Item(c.id, c.type, c.text, c.start, c.end, c.quantity(), c.speaker, c.attribution,
                    c.places == null ? List.of() : Arrays.asList(c.places), c.actor, c.checkworthiness, c.clusterId, conflicts,
                    conflictingClaims, Measures.measure(c.type, c.quantity(), c.text), Measures.action(c.type, c.text),
                    c.checkworthinessReasons == null ? List.of() : c.checkworthinessReasons);
        }
    }
}
