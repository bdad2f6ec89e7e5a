package dev.claimdesk.claims.service;

import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.messaging.ArticleIngested;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import dev.claimdesk.commons.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Handler: keeps each announced article revision for extraction. */
@ApplicationScoped
public class ArticleIntake {

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(ArticleIngested event) {
        if (event.articleId() == null || event.revision() < 1 || event.cleanText() == null || event.title() == null
                || event.outlet() == null) {
            throw new PoisonMessageException("article.ingested.v1 without articleId, revision, title, outlet or cleanText", null);
        }
        ReceivedArticle.Key key = new ReceivedArticle.Key(event.articleId(), event.revision());
        if (ReceivedArticle.findById(key) != null) {
            return;
        }
        ReceivedArticle article = new ReceivedArticle();
        article.key = key;
        article.title = event.title();
        article.outlet = event.outlet();
        article.url = event.url();
        article.publishedAt = event.publishedAt();
        article.language = event.language() == null ? "und" : event.language();
        article.cleanText = event.cleanText();
        article.copyOf = event.copyOf();
        article.traceparent = TraceContext.currentTraceparent();
        article.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        article.persist();
    }
}
