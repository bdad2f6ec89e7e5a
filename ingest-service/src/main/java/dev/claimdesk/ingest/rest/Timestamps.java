package dev.claimdesk.ingest.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The one reading of instants in requests: an ISO-8601 instant with offset, or a date meaning its UTC midnight. */
final class Timestamps {

    private Timestamps() {
    }

    /** @return the instant, or null when the text is neither form */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
