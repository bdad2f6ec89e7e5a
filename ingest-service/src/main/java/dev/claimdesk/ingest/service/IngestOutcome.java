package dev.claimdesk.ingest.service;

import dev.claimdesk.ingest.ArticleRevision;

/** What ingesting one article did. */
public record IngestOutcome(Kind kind, ArticleRevision article) {

    public enum Kind {
        /** A new article (possibly a copy of an earlier one). */
        CREATED,
        /** A known url with changed content: a new revision. */
        REVISED,
        /** The same url (or, without one, the same outlet) already holds this content: nothing stored. */
        UNCHANGED
    }

    public int httpStatus() {
        return kind == Kind.UNCHANGED ? 200 : 201;
    }
}
