package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ClaimType;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups the same claim told by different articles: a new claim joins the cluster of the most similar claim
 * of the same type from another article of the last 30 days, when it is similar enough.
 */
@ApplicationScoped
public class Clusters {

    static final int CANDIDATE_DAYS = 30;
    static final int MAX_CANDIDATES = 5000;

    public record Candidate(UUID clusterId, ClaimSimilarity.Features features) {
    }

    /** The current claims of every other article received lately, with their features. */
    public List<Candidate> candidatesFor(UUID articleId) {
        List<Claim> recent = Claim.find("from Claim c where c.articleId <> ?1 and c.createdAt > ?2 and c.revision = "
                        + "(select max(r.key.revision) from ReceivedArticle r where r.key.articleId = c.articleId) "
                        + "order by c.createdAt desc", articleId, Instant.now().minus(CANDIDATE_DAYS, ChronoUnit.DAYS))
                .page(0, MAX_CANDIDATES).list();
        return recent.stream().map(c -> new Candidate(c.clusterId, ClaimSimilarity.features(ClaimType.valueOf(c.type), c.text,
                c.speaker, c.places == null ? List.of() : Arrays.asList(c.places), c.quantity()))).toList();
    }

    public Optional<UUID> clusterFor(ExtractedClaim claim, List<Candidate> candidates) {
        ClaimSimilarity.Features features = ClaimSimilarity.features(claim.type(), claim.text(), claim.speaker(),
                claim.places(), claim.quantity());
        Candidate best = null;
        double bestScore = ClaimSimilarity.SAME_CLAIM;
        for (Candidate candidate : candidates) {
            double score = ClaimSimilarity.similarity(features, candidate.features());
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Candidate::clusterId);
    }
}
