package dev.claimdesk.review.service;

import dev.claimdesk.review.Article;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.config.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A verdict as schema.org ClaimReview JSON-LD: the claim reviewed, the rating on a five-point scale with its name,
 * the claim itself with every article it appeared in and the first, who said it where known, and the publishing
 * newsroom.
 */
@ApplicationScoped
public class ClaimReviews {

    static final String CONTEXT = "https://schema.org";
    private static final Map<String, Integer> SCALE = Map.of("TRUE", 5, "MOSTLY_TRUE", 4, "MIXED", 3, "MOSTLY_FALSE", 2, "FALSE", 1);
    private static final Map<String, String> NAMES = Map.of("TRUE", "True", "MOSTLY_TRUE", "Mostly true", "MIXED", "Mixed",
            "MOSTLY_FALSE", "Mostly false", "FALSE", "False", "UNVERIFIABLE", "Unverifiable");

    private final ReviewConfig config;
    private final Publication publication;

    ClaimReviews(ReviewConfig config, Publication publication) {
        this.config = config;
        this.publication = publication;
    }

    public Map<String, Object> of(Verdict latest) {
        Verdict first = Verdict.<Verdict>find("id = ?1 order by version", latest.id).firstResult();
        List<ClusterClaim> claims = ClusterClaim.list("clusterId", latest.clusterId);
        List<Article> articles = claims.isEmpty() ? List.of()
                : Article.<Article>list("id in ?1", claims.stream().map(c -> c.articleId).distinct().toList()).stream()
                .sorted(Comparator.comparing((Article a) -> a.publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();

        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@context", CONTEXT);
        review.put("@type", "ClaimReview");
        review.put("url", publication.url(latest.id));
        review.put("claimReviewed", latest.claimReviewed);
        review.put("datePublished", date(first.publishedAt));
        if (latest.version > 1) {
            review.put("dateModified", latest.publishedAt.toString());
        }
        review.put("author", organisation(config.publisher().name(), config.publisher().url()));
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("@type", "Rating");
        if (SCALE.containsKey(latest.rating)) {
            rating.put("ratingValue", SCALE.get(latest.rating));
        }
        rating.put("bestRating", 5);
        rating.put("worstRating", 1);
        rating.put("alternateName", NAMES.get(latest.rating));
        review.put("reviewRating", rating);
        // what backs the rating: the reviewers' explanation, and the evidence as the works the review cites
        review.put("reviewBody", latest.explanation);
        if (!latest.sources.isEmpty()) {
            review.put("citation", latest.sources.stream().map(ClaimReviews::citation).toList());
        }

        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("@type", "Claim");
        List<Map<String, Object>> appearances = articles.stream().filter(a -> a.url != null).map(ClaimReviews::appearance).toList();
        if (!appearances.isEmpty()) {
            claim.put("appearance", appearances);
            claim.put("firstAppearance", appearances.getFirst());
        }
        claims.stream().filter(c -> latest.claimReviewedId == null ? c.text.equals(latest.claimReviewed) : c.claimId.equals(latest.claimReviewedId))
                .map(c -> c.speaker).filter(Objects::nonNull).findFirst()
                .ifPresent(speaker -> claim.put("author", Map.of("@type", "Person", "name", speaker)));
        review.put("itemReviewed", claim);
        return review;
    }

    private static Map<String, Object> citation(dev.claimdesk.review.Source source) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "CreativeWork");
        work.put("url", source.url());
        if (source.excerpt() != null && !source.excerpt().isBlank()) {
            work.put("text", source.excerpt());
        }
        return work;
    }

    private static Map<String, Object> appearance(Article a) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "CreativeWork");
        work.put("url", a.url);
        if (a.publishedAt != null) {
            work.put("datePublished", a.publishedAt.toString());
        }
        if (a.outlet != null) {
            work.put("publisher", organisation(a.outlet, null));
        }
        return work;
    }

    private static Map<String, Object> organisation(String name, String url) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", name);
        if (url != null) {
            org.put("url", url);
        }
        return org;
    }

    private static String date(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
