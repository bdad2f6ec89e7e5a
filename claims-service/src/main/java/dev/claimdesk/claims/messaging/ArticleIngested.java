package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code article.ingested.v1} as this consumer reads it; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleIngested(UUID eventId, Instant occurredAt, UUID articleId, int revision, String title, String outlet,
                              String url, Instant publishedAt, String language, String cleanText, UUID copyOf)
        implements dev.claimdesk.commons.messaging.ValidEvent {

    @Override
    public void requireValid() {
        if (articleId == null || revision < 1 || cleanText == null || title == null || outlet == null) {
            throw new dev.claimdesk.commons.messaging.PoisonMessageException(
                    "article.ingested.v1 without articleId, revision, title, outlet or cleanText", null);
        }
    }
}
