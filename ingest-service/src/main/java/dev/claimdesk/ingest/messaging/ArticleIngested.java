package dev.claimdesk.ingest.messaging;

import dev.claimdesk.ingest.ArticleRevision;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code article.ingested.v1} (contracts/article.ingested.v1.schema.json). */
public record ArticleIngested(UUID eventId, Instant occurredAt, UUID articleId, int revision, String title, String outlet,
                              String url, Instant publishedAt, String language, String cleanText, UUID copyOf,
                              Double copySimilarity, String contentHash) {

    public static ArticleIngested of(UUID eventId, ArticleRevision a) {
        return new ArticleIngested(eventId, a.ingestedAt, a.articleId, a.revision, a.title, a.outlet, a.url, a.publishedAt,
                a.language, a.cleanText, a.copyOf, a.copySimilarity, a.contentHash);
    }
}
