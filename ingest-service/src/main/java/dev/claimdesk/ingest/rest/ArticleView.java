package dev.claimdesk.ingest.rest;

import dev.claimdesk.ingest.ArticleRevision;
import dev.claimdesk.ingest.text.Removed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The contract's Article. */
public record ArticleView(UUID id, int revision, String title, String outlet, String url, Instant publishedAt,
                          Instant ingestedAt, String language, String format, String cleanText, List<Removed> removed,
                          UUID copyOf, Double copySimilarity, String contentHash) {

    public static ArticleView of(ArticleRevision a) {
        return new ArticleView(a.articleId, a.revision, a.title, a.outlet, a.url, a.publishedAt, a.ingestedAt, a.language,
                a.format, a.cleanText, a.removed, a.copyOf, a.copySimilarity, a.contentHash);
    }
}
