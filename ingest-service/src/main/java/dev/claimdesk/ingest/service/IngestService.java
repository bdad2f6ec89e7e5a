package dev.claimdesk.ingest.service;

import dev.claimdesk.commons.text.Digests;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.messaging.Outbox;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.text.LanguageDetector;
import dev.claimdesk.ingest.ArticleRevision;
import dev.claimdesk.ingest.config.IngestConfig;
import dev.claimdesk.ingest.messaging.ArticleIngested;
import dev.claimdesk.ingest.text.ArticleCleaner;
import dev.claimdesk.ingest.text.CleanedText;
import dev.claimdesk.ingest.text.HtmlExtractor;
import dev.claimdesk.ingest.text.MinHash;
import dev.claimdesk.ingest.text.Rewording;
import dev.claimdesk.ingest.text.Removed;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ingests one article: cleans it outside any transaction, then in one transaction decides whether it
 * is new, a copy, a revision or already known, stores it and writes its {@code article.ingested.v1}
 * event to the outbox.
 */
@ApplicationScoped
public class IngestService {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ArticleIndex index;
    private final Outbox outbox;
    private final EntityManager em;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final OutletLineCounter lineCounter;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final HtmlExtractor html = new HtmlExtractor();
    private final LanguageDetector languages = new LanguageDetector();

    IngestService(ArticleIndex index, Outbox outbox, EntityManager em, IngestConfig config, MeterRegistry metrics,
                  OutletLineCounter lineCounter, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
        this.lineCounter = lineCounter;
        this.index = index;
        this.outbox = outbox;
        this.em = em;
        this.config = config;
        this.metrics = metrics;
    }

    public IngestOutcome ingest(NewArticle article) {
        PreparedArticle prepared = prepare(article);
        IngestOutcome outcome = QuarkusTransaction.requiringNew().call(() -> store(prepared));
        if (outcome.kind() == IngestOutcome.Kind.CREATED && outcome.article().copyOf == null) {
            // a copy repeats its original's lines: counting them would make one story's lines the outlet's template
            lineCounter.count(article.outlet(), prepared.shortLines());
        }
        metrics.counter("claimdesk.ingest.articles", "outcome", outcome.kind().name().toLowerCase(Locale.ROOT),
                "copy", String.valueOf(outcome.article().copyOf != null)).increment();
        return outcome;
    }

    PreparedArticle prepare(NewArticle article) {
        List<String> lines;
        List<Removed> removed = new ArrayList<>();
        if (article.format() == NewArticle.Format.HTML) {
            HtmlExtractor.Extracted extracted = html.extract(article.body());
            lines = extracted.lines();
            removed.addAll(extracted.removed());
        } else {
            lines = Arrays.asList(article.body().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        }
        List<String> shortLines = lines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && WHITESPACE.split(l).length <= config.outletRepeatMaxWords())
                .toList();
        Set<String> repeated = index.repeatedLines(article.outlet(), shortLines);
        CleanedText cleaned = cleaner.clean(lines, line -> repeated.contains(line));
        removed.addAll(cleaned.removed());
        if (cleaned.text().isBlank()) {
            throw new ProblemException(422, "no-article-text", "No article text",
                    "Nothing is left of the body once page furniture and boilerplate are removed");
        }
        String language = article.language() != null ? article.language() : languages.detect(cleaned.text());
        Rewording.Sentences sentences = Rewording.Sentences.of(cleaned.text());
        return new PreparedArticle(article, cleaned.text(), List.copyOf(removed), language,
                contentHash(article.title(), cleaned.text()), MinHash.signature(cleaned.text()), sentences,
                MinHash.signatureOfTerms(sentences.allTerms()), shortLines);
    }

    private IngestOutcome store(PreparedArticle prepared) {
        NewArticle input = prepared.input();
        String lockKey = input.url() != null ? "url:" + input.url() : "outlet:" + input.outlet() + ":" + prepared.contentHash();
        index.lock(lockKey);

        var existing = index.latestRevision(input.url(), input.outlet(), prepared.contentHash())
                .map(id -> (ArticleRevision) ArticleRevision.findById(id));
        if (existing.isPresent() && existing.get().contentHash.equals(prepared.contentHash())) {
            return new IngestOutcome(IngestOutcome.Kind.UNCHANGED, existing.get());
        }
        ArticleRevision revision = new ArticleRevision();
        IngestOutcome.Kind kind;
        if (existing.isPresent()) {
            ArticleRevision previous = existing.get();
            previous.latest = false;
            em.flush();
            revision.articleId = previous.articleId;
            revision.revision = previous.revision + 1;
            kind = IngestOutcome.Kind.REVISED;
        } else {
            revision.articleId = UUID.randomUUID();
            revision.revision = 1;
            kind = IngestOutcome.Kind.CREATED;
        }
        revision.revisionId = UUID.randomUUID();
        revision.latest = true;
        revision.title = input.title();
        revision.outlet = input.outlet();
        revision.url = input.url();
        revision.publishedAt = input.publishedAt();
        revision.ingestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        revision.language = prepared.language();
        revision.format = input.format().name().toLowerCase(Locale.ROOT);
        revision.body = input.body();
        revision.cleanText = prepared.cleanText();
        revision.removed = prepared.removed();
        revision.contentHash = prepared.contentHash();
        revision.minhash = prepared.minhash();
        index.closestEarlier(prepared, revision.articleId).ifPresent(match -> {
            revision.copyOf = match.articleId();
            revision.copySimilarity = match.similarity();
        });
        index.insert(revision, removedJson(prepared.removed()));
        index.addBands(revision.articleId, revision.revision, revision.minhash, prepared.wordMinhash());
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.ARTICLES, Exchanges.ARTICLE_INGESTED, ArticleIngested.of(eventId, revision));
        return new IngestOutcome(kind, revision);
    }

    private String removedJson(List<Removed> removed) {
        try {
            return mapper.writeValueAsString(removed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identity of the content: the title and the cleaned text, so a changed promo line is not a new revision. */
    static String contentHash(String title, String cleanText) {
        return "sha256:" + Digests.sha256Hex(normalise(title) + "\n" + normalise(cleanText));
    }

    /** Collapses every run of whitespace to one space and trims the ends. */
    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
