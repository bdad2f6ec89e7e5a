package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.Extraction;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.extraction.SentenceEmbedder;
import dev.claimdesk.claims.messaging.ClaimExtracted;
import dev.claimdesk.claims.messaging.ArticleIngested;
import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.commons.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Handler: keeps each announced article revision, extracts its claims and announces them, in one
 * transaction with the dedup record, so a revision's claims exist once and are announced once.
 */
@ApplicationScoped
public class ArticleIntake {

    /** Claims stored per article revision at most. */
    static final int MAX_CLAIMS = 500;
    /** Extraction status of a revision that had more claims than {@link #MAX_CLAIMS}. */
    static final String TRUNCATED = "TRUNCATED";
    /** Extraction status of a revision received after a later one: kept, its claims neither stored nor announced. */
    static final String SUPERSEDED = "SUPERSEDED";
    static final String PLACEMENT_LOCK = "claims:placement";

    private final ClaimExtractor extractor = new ClaimExtractor();
    private final Announcements announcements;
    private final Clusters clusters;
    private final Conflicts conflicts;
    private final SentenceEmbedder embedder;
    private final EntityManager em;

    private final Timer placement;
    private final Timer placementWait;

    ArticleIntake(Announcements announcements, Clusters clusters, Conflicts conflicts, SentenceEmbedder embedder,
                  EntityManager em, MeterRegistry metrics) {
        this.placement = Timer.builder("claimdesk.claims.placement")
                .description("Time to place one article revision's claims into clusters and check their figures")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
        this.placementWait = Timer.builder("claimdesk.claims.placement.wait")
                .description("Time an extracted article revision waited for its turn to be placed")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
        this.announcements = announcements;
        this.clusters = clusters;
        this.conflicts = conflicts;
        this.embedder = embedder;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(ArticleIngested event) {
        event.requireValid();
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
        Extraction extraction = extractor.extract(article.cleanText, article.language);
        List<ExtractedClaim> extracted = extraction.claims();
        article.extractionStatus = extraction.status().name();
        if (extracted.size() > MAX_CLAIMS) {
            // no article holds more checkable claims than this; past it, the most check-worthy keep intake bounded
            extracted = extracted.stream().sorted(Comparator.comparingDouble(ExtractedClaim::checkworthiness).reversed())
                    .limit(MAX_CLAIMS).sorted(Comparator.comparingInt(ExtractedClaim::start)).toList();
            article.extractionStatus = TRUNCATED;
        }
        Map<String, float[]> vectors = embed(extracted);
        article.storyVector = SentenceEmbedder.mean(vectors.values());
        // Extraction and embeddings above run side by side in every consumer; from here to the commit, one
        // article at a time across consumers and instances, so each placement sees every claim placed before it
        // (two articles telling one claim at once would otherwise open a cluster each) and an article's
        // revisions are placed in the order they are taken.
        placementWait.record(() -> AdvisoryLock.acquire(em, PLACEMENT_LOCK));
        Integer latest = ReceivedArticle.latestRevision(key.articleId());
        if (latest != null && latest >= key.revision()) {
            // the same revision under another message id, or a later one placed first: this one's claims are not current
            if (latest > key.revision() && ReceivedArticle.findById(key) == null) {
                article.extractionStatus = SUPERSEDED;
                article.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                article.persist();
            }
            return;
        }
        article.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        article.persist();
        clusters.retire(article.key.articleId(), article.key.revision());
        Timer.Sample placing = Timer.start();
        Map<String, Claim> before = earlierRevision(article.key);
        List<Claim> claims = new ArrayList<>();
        Map<UUID, Claim> unchanged = new HashMap<>();
        for (ExtractedClaim one : extracted) {
            Claim claim = toEntity(article, one);
            claim.embedding = vectors.get(one.proposition());
            Claim same = before.remove(claim.extractedAs);
            if (same != null) {
                // an unchanged statement keeps its cluster (and so its task and verdict) and reviewers' corrections
                claim.status = same.status;
                if (same.corrected) {
                    claim.correctAs(same);
                }
                unchanged.put(claim.id, same);
            }
            claims.add(claim);
        }
        carryOverReworded(before.values(), claims, new HashSet<>(unchanged.keySet()));
        Clusters.Placement placed = clusters.begin(article.key.articleId(), article.storyVector, article.copyOf,
                claims.stream().filter(c -> !unchanged.containsKey(c.id)).toList());
        for (Claim claim : claims) {
            Claim same = unchanged.get(claim.id);
            if (same != null) {
                clusters.keep(claim, same.clusterId, placed);
            } else {
                clusters.place(claim, placed);
            }
        }
        clusters.finish(placed);
        // a cluster that took in another one has new pairs of stored claims too; the others only this article's
        Set<UUID> absorbed = new HashSet<>();
        placed.merges().values().forEach(into -> absorbed.add(placed.current(into)));
        conflicts.refresh(absorbed, article.receivedAt);
        Set<UUID> joined = new HashSet<>(placed.touched());
        joined.removeAll(absorbed);
        conflicts.refreshAdded(joined, claims, article.receivedAt);
        placing.stop(placement);
        announcements.claims(article, claims, placed.merges().entrySet().stream()
                .map(e -> new ClaimExtracted.Merge(e.getKey(), placed.current(e.getValue()))).toList());
    }

    /**
     * A statement a reviewer corrected or dismissed that the revision rewords keeps what the reviewer decided: the
     * revision's claim of the same extracted type and the same figure as written whose sentence shares the most words
     * with it (at least half of all, and more than any other claim does). A reworded telling is placed anew; only the
     * reviewer's decision goes with it.
     */
    private static void carryOverReworded(Collection<Claim> earlier, List<Claim> revised, Set<UUID> matched) {
        for (Claim corrected : earlier) {
            if (!corrected.corrected && !Claim.DISMISSED.equals(corrected.status)) {
                continue;
            }
            String[] was = (corrected.extractedAs == null ? sameness(corrected) : corrected.extractedAs).split("\u001f", -1);
            Claim best = null;
            double bestShare = 0;
            double runnerUp = 0;
            for (Claim candidate : revised) {
                String[] is = candidate.extractedAs.split("\u001f", -1);
                if (matched.contains(candidate.id) || !is[0].equals(was[0]) || !figure(is[2]).equals(figure(was[2]))) {
                    continue;
                }
                double share = wordsShared(was[1], is[1]);
                if (share > bestShare) {
                    runnerUp = bestShare;
                    bestShare = share;
                    best = candidate;
                } else if (share > runnerUp) {
                    runnerUp = share;
                }
            }
            if (best != null && bestShare >= 0.5 && bestShare > runnerUp) {
                best.status = corrected.status;
                if (corrected.corrected) {
                    best.correctAs(corrected);
                }
                matched.add(best.id);
            }
        }
    }

    /** The figure as written, without where it stands in the sentence. */
    private static String figure(String sameness) {
        int at = sameness.lastIndexOf('@');
        return at < 0 ? sameness : sameness.substring(0, at);
    }

    /** Words the two sentences share, over the words of both (case and punctuation aside). */
    private static double wordsShared(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        Set<String> both = new HashSet<>(left);
        both.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return all.isEmpty() ? 0 : both.size() / (double) all.size();
    }

    private static Set<String> words(String sentence) {
        Set<String> words = new HashSet<>();
        for (String w : sentence.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The claims of the article's latest earlier revision, by what makes a claim the same statement. */
    private static Map<String, Claim> earlierRevision(ReceivedArticle.Key key) {
        Map<String, Claim> bySameness = new HashMap<>();
        if (key.revision() > 1) {
            List<Claim> earlier = Claim.list("articleId = ?1 and revision = (select max(c.revision) from Claim c "
                    + "where c.articleId = ?1 and c.revision < ?2)", key.articleId(), key.revision());
            earlier.forEach(c -> bySameness.putIfAbsent(c.extractedAs == null ? sameness(c) : c.extractedAs, c));
        }
        return bySameness;
    }

    /** The same sentence, type and figure: offsets may move when text around the sentence changes. */
    private static String sameness(Claim c) {
        return c.type + '\u001f' + c.text + '\u001f' + (c.quantityText == null ? "" : c.quantityText + '@' + (c.quantityStart - c.start));
    }

    /**
     * One embedding per distinct proposition, what outlets telling one claim share: a sentence with three figures
     * is embedded once.
     */
    private Map<String, float[]> embed(List<ExtractedClaim> claims) {
        List<String> sentences = claims.stream().map(ExtractedClaim::proposition).distinct().toList();
        List<float[]> vectors = embedder.embed(sentences);
        Map<String, float[]> bySentence = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            bySentence.put(sentences.get(i), vectors.get(i));
        }
        return bySentence;
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
        claim.checkworthinessReasons = extracted.reasons();
        claim.status = "PENDING";
        claim.extractedAs = sameness(claim);
        claim.createdAt = article.receivedAt;
        return claim;
    }
}
