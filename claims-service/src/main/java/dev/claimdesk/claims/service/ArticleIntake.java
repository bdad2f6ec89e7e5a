package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.Extraction;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.messaging.ClaimExtracted;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.messaging.Outbox;
import dev.claimdesk.claims.messaging.ArticleIngested;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import dev.claimdesk.commons.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Handler: keeps each announced article revision, extracts its claims and announces them, in one
 * transaction with the dedup record, so a revision's claims exist once and are announced once.
 */
@ApplicationScoped
public class ArticleIntake {

    private final ClaimExtractor extractor = new ClaimExtractor();
    private final Outbox outbox;
    private final Clusters clusters;

    ArticleIntake(Outbox outbox, Clusters clusters) {
        this.outbox = outbox;
        this.clusters = clusters;
    }

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
        Extraction extraction = extractor.extract(article.cleanText, article.language);
        article.extractionStatus = extraction.status().name();
        article.persist();
        List<Claim> claims = new ArrayList<>();
        List<Clusters.Candidate> candidates = extraction.claims().isEmpty() ? List.of()
                : clusters.candidatesFor(article.key.articleId());
        for (ExtractedClaim extracted : extraction.claims()) {
            Claim claim = toEntity(article, extracted);
            claim.clusterId = clusters.clusterFor(extracted, candidates).orElse(claim.clusterId);
            claim.persist();
            claims.add(claim);
        }
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.CLAIMS, Exchanges.CLAIM_EXTRACTED, new ClaimExtracted(eventId, article.receivedAt,
                article.key.articleId(), article.key.revision(), article.language, claims.stream().map(ClaimExtracted.Item::of).toList()));
    }

    private static Claim toEntity(ReceivedArticle article, ExtractedClaim extracted) {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.articleId = article.key.articleId();
        claim.revision = article.key.revision();
        claim.type = extracted.type().name();
        claim.text = extracted.text();
        claim.start = extracted.start();
        claim.end = extracted.end();
        Quantity q = extracted.quantity();
        if (q != null) {
            claim.quantityValue = q.value();
            claim.quantityLow = q.low();
            claim.quantityHigh = q.high();
            claim.quantityQualifier = q.qualifier().name();
            claim.quantityUnit = q.unit();
            claim.quantitySubject = q.subject();
            claim.quantityText = q.text();
            claim.quantityStart = q.start();
            claim.quantityEnd = q.end();
        }
        claim.speaker = extracted.speaker();
        claim.attribution = extracted.attribution();
        claim.places = extracted.places().toArray(String[]::new);
        claim.actor = extracted.actor();
        claim.checkworthiness = extracted.checkworthiness();
        // a cluster of its own unless Clusters finds the same claim in another article
        claim.clusterId = UUID.randomUUID();
        claim.status = "PENDING";
        claim.createdAt = article.receivedAt;
        return claim;
    }
}
