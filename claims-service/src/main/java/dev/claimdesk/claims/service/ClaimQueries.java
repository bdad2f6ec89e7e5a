package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.ReceivedArticle;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads claims: only each article's current revision, unless a cluster is asked for. */
@ApplicationScoped
public class ClaimQueries {

    public record Filter(UUID articleId, UUID clusterId, String type, String status, String text) {
    }

    public record Result(List<Claim> items, long total) {
    }

    public Result list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        where.add(ReceivedArticle.isLatest("c.articleId", "c.revision"));
        if (filter.articleId() != null) {
            where.add("c.articleId = :articleId");
            parameters.and("articleId", filter.articleId());
        }
        if (filter.clusterId() != null) {
            where.add("c.clusterId = :clusterId");
            parameters.and("clusterId", filter.clusterId());
        }
        if (filter.type() != null) {
            where.add("c.type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.text() != null) {
            where.add("function('claim_text_matches', c.text, :text) = true");
            parameters.and("text", filter.text());
        }
        PanacheQuery<Claim> query = Claim.find("from Claim c where " + String.join(" and ", where),
                Sort.descending("checkworthiness").and("start"), parameters);
        return new Result(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
    }

    /** A cluster as its current claims make it up, or empty; a merged cluster answers as the one it joined. */
    public Optional<ClusterView> cluster(UUID id) {
        ClaimCluster cluster = ClaimCluster.findById(id);
        while (cluster != null && cluster.mergedInto != null) {
            cluster = ClaimCluster.findById(cluster.mergedInto);
        }
        if (cluster == null) {
            return Optional.empty();
        }
        List<Claim> claims = Claim.list("from Claim c where c.clusterId = ?1 and " + ReceivedArticle.isLatest("c.articleId", "c.revision")
                + " order by c.createdAt, c.start", cluster.id);
        List<UUID> articleIds = claims.stream().map(c -> c.articleId).distinct().toList();
        List<ReceivedArticle> articles = articleIds.isEmpty() ? List.of()
                : ReceivedArticle.list("from ReceivedArticle a where a.key.articleId in ?1 and "
                        + ReceivedArticle.isLatest("a.key.articleId", "a.key.revision"), articleIds);
        // a rewritten copy tells what its original told: an original and its copies are one source
        long independent = articles.stream().map(a -> a.copyOf == null ? a.key.articleId() : a.copyOf).distinct().count();
        List<String> sources = articles.stream().map(a -> a.outlet).distinct().sorted().toList();
        List<Conflict> conflicts = conflicts(cluster.id);
        return Optional.of(new ClusterView(cluster, claims.stream().map(c -> c.id).toList(), articleIds, sources,
                (int) independent, conflicts));
    }

    /**
     * The verdict a claim shows: its cluster's, with the rating that applies to the claim ({@link #forClaim}); the
     * cluster's own view shows the verdict's rating.
     */
    public record Verdict(UUID verdictId, String rating, int version,
                          @com.fasterxml.jackson.annotation.JsonIgnore Map<UUID, String> claimRatings) {
        public static Verdict of(ClaimCluster cluster) {
            return cluster == null || cluster.verdictId == null ? null
                    : new Verdict(cluster.verdictId, cluster.verdictRating, cluster.verdictVersion,
                    cluster.verdictClaimRatings == null ? Map.of() : Map.copyOf(cluster.verdictClaimRatings));
        }

        /** The verdict as it applies to this claim: its own rating where its figure was rated apart. */
        public Verdict forClaim(UUID claimId) {
            String own = claimRatings.get(claimId);
            return own == null ? this : new Verdict(verdictId, own, version, claimRatings);
        }
    }

    /** The verdicts of these clusters, by cluster id; clusters without one are absent. */
    public Map<UUID, Verdict> verdicts(Collection<UUID> clusterIds) {
        Map<UUID, Verdict> verdicts = new HashMap<>();
        if (!clusterIds.isEmpty()) {
            ClaimCluster.<ClaimCluster>list("id in ?1 and verdictId is not null", clusterIds)
                    .forEach(c -> verdicts.put(c.id, Verdict.of(c)));
        }
        return verdicts;
    }

    public record ClusterView(ClaimCluster cluster, List<UUID> claimIds, List<UUID> articleIds, List<String> sources,
                              int independentSources, List<Conflict> conflicts) {
    }

    /** Conflicts between claims that are still current and not dismissed, newest first. */
    public PanacheQuery<Conflict> conflicts() {
        return Conflict.find("from Conflict x where " + CURRENT_CONFLICT + " order by x.createdAt desc, x.id");
    }

    private static List<Conflict> conflicts(UUID clusterId) {
        return Conflict.list("from Conflict x where x.clusterId = ?1 and " + CURRENT_CONFLICT + " order by x.createdAt, x.id", clusterId);
    }

    private static final String CURRENT_CONFLICT = "exists (select 1 from Claim a, Claim b where a.id = x.claimA and b.id = x.claimB "
            + "and a.status <> 'DISMISSED' and b.status <> 'DISMISSED' "
            + "and " + ReceivedArticle.isLatest("a.articleId", "a.revision")
            + " and " + ReceivedArticle.isLatest("b.articleId", "b.revision") + ")";
}
