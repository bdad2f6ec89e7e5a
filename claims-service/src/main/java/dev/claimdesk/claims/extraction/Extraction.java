package dev.claimdesk.claims.extraction;

import java.util.List;

/** What extraction made of one text: its claims, or none with the reason ({@link Status#NOT_ENGLISH}). */
public record Extraction(Status status, List<ExtractedClaim> claims) {

    public enum Status { EXTRACTED, NOT_ENGLISH, EMPTY }
}
