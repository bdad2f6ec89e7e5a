package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ClaimType;
import dev.claimdesk.claims.extraction.ClusterMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Places each new claim in a cluster: the one {@link ClusterMatcher} picks among stored claims of other
 * articles from the last 30 days, merging the clusters it bridges, or a new one. Candidates are the latest
 * claims under each of the claim's blocking keys, so the work per claim stays bounded as the store grows.
 * Cluster rows are locked before a merge, so two instances placing claims at once cannot lose one.
 */
@ApplicationScoped
public class Clusters {

    static final int CANDIDATE_DAYS = 30;
    /** Latest claims read per blocking key. */
    static final int PER_KEY = 40;
    /** Candidates compared per new claim, those sharing the most keys first. */
    static final int MAX_CANDIDATES = 200;

    private final EntityManager em;

    Clusters(EntityManager em) {
        this.em = em;
    }

    /** A stored claim as a candidate: where it was told, the cluster it was in when read, what it says. */
    private record Stored(UUID articleId, UUID clusterId, ClaimSimilarity.Features features) {
    }

    /** Where one article's claims went: the clusters they joined or created, and merges on the way. */
    public static final class Placement {
        private final Map<UUID, UUID> merged = new HashMap<>();
        private final Set<UUID> touched = new LinkedHashSet<>();
        /** Candidates read for this article's earlier claims: its claims share many candidates. */
        private final Map<UUID, Stored> stored = new HashMap<>();
        /** Whether a candidate's cluster is settled, by cluster. */
        private final Map<UUID, Boolean> settled = new HashMap<>();

        /** The cluster a cluster id now stands for, after this article's merges. */
        UUID current(UUID cluster) {
            UUID id = cluster;
            while (merged.containsKey(id)) {
                id = merged.get(id);
            }
            return id;
        }

        public Map<UUID, UUID> merges() {
            return Map.copyOf(merged);
        }

        public Set<UUID> touched() {
            Set<UUID> now = new LinkedHashSet<>();
            touched.forEach(id -> now.add(current(id)));
            return now;
        }
    }

    /**
     * Sets {@code claim.clusterId} (a stored cluster or a new one) and stores the claim's blocking keys. The
     * article's earlier claims are in {@code placement}, whose merges this claim's cluster follows.
     */
    public void place(Claim claim, Placement placement) {
        ClaimSimilarity.Features features = claim.features();
        Set<String> keys = features.blockingKeys();
        Optional<ClusterMatcher.Match> match = ClusterMatcher.match(features, candidates(claim, keys, placement));
        UUID cluster = match.isEmpty() ? ClaimCluster.create(claim.createdAt).id
                : merge(match.get().cluster(), match.get().absorbed(), placement);
        join(claim, cluster, keys, placement);
    }

    /**
     * Keeps a claim in a cluster chosen before (an unchanged sentence of an earlier revision); a claim a
     * reviewer dismissed stays dismissed.
     */
    public void keep(Claim claim, UUID clusterId, Placement placement) {
        join(claim, lockRoot(clusterId).orElseThrow().id, claim.features().blockingKeys(), placement);
    }

    /** The claim takes its cluster's state (a verdict shows at once) and becomes a candidate for later claims. */
    private void join(Claim claim, UUID clusterId, Set<String> keys, Placement placement) {
        ClaimCluster cluster = em.find(ClaimCluster.class, clusterId);
        claim.clusterId = clusterId;
        if (!"DISMISSED".equals(claim.status)) {
            claim.status = cluster.claimStatus();
        }
        placement.touched.add(clusterId);
        claim.persist();
        storeKeys(claim, keys, cluster.decided());
    }

    /** The status a claim of this cluster shows now, for claims placed earlier in the same transaction. */
    public String statusOf(UUID clusterId) {
        return em.find(ClaimCluster.class, clusterId).claimStatus();
    }

    /**
     * After a cluster's verdict or task changed, or it absorbed others: its claims show its state, and with a
     * verdict they stay candidates for good.
     */
    public void settle(UUID clusterId) {
        ClaimCluster cluster = showStatus(clusterId);
        em.createNativeQuery("UPDATE claim_key SET decided = ?2 WHERE decided <> ?2 AND claim_id IN "
                        + "(SELECT id FROM claim WHERE cluster_id = ?1)")
                .setParameter(1, clusterId)
                .setParameter(2, cluster.decided())
                .executeUpdate();
    }

    /**
     * After a cluster's task changed what its claims show (a verdict does not come this way): only their status,
     * since whether they stay candidates for good depends on the verdict alone.
     */
    public ClaimCluster showStatus(UUID clusterId) {
        ClaimCluster cluster = em.find(ClaimCluster.class, clusterId);
        Claim.update("status = ?1 where clusterId = ?2 and status <> 'DISMISSED' and status <> ?1", cluster.claimStatus(), clusterId);
        return cluster;
    }

    private List<ClusterMatcher.Candidate> candidates(Claim claim, Set<String> keys, Placement placement) {
        if (keys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("""
                        SELECT k.claim_id FROM unnest(CAST(?1 AS text[])) AS wanted(key)
                        CROSS JOIN LATERAL (
                            (SELECT ck.claim_id FROM claim_key ck
                             WHERE ck.key = wanted.key AND ck.created_at > ?2 AND ck.article_id <> ?3
                             ORDER BY ck.created_at DESC LIMIT ?4)
                            UNION
                            (SELECT ck.claim_id FROM claim_key ck
                             WHERE ck.key = wanted.key AND ck.decided AND ck.article_id <> ?3
                             ORDER BY ck.created_at DESC LIMIT ?4)) k
                        GROUP BY k.claim_id ORDER BY count(*) DESC LIMIT ?5""")
                .setParameter(1, keys.toArray(String[]::new))
                .setParameter(2, Timestamp.from(Instant.now().minus(CANDIDATE_DAYS, ChronoUnit.DAYS)))
                .setParameter(3, claim.articleId)
                .setParameter(4, PER_KEY)
                .setParameter(5, MAX_CANDIDATES)
                .getResultList();
        List<UUID> ids = found.stream().map(UUID.class::cast).toList();
        // plain values, not entities: candidates are compared, never changed here, and every flush of this
        // transaction would check managed ones again
        List<UUID> unread = ids.stream().filter(id -> !placement.stored.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            for (Object[] r : em.createQuery("""
                            SELECT c.id, c.articleId, c.clusterId, c.type, c.text, c.speaker, c.places, c.actor, c.quantityValue,
                                   c.quantityUnit, c.embedding, cl.verdictId, cl.curated
                            FROM Claim c JOIN ClaimCluster cl ON cl.id = c.clusterId WHERE c.id IN ?1""", Object[].class)
                    .setParameter(1, unread)
                    .getResultList()) {
                ClaimSimilarity.Features features = ClaimSimilarity.features(ClaimType.valueOf((String) r[3]), (String) r[4],
                        (String) r[5], r[6] == null ? List.of() : Arrays.asList((String[]) r[6]), (String) r[7], (Double) r[8],
                        r[8] == null ? null : (String) r[9], (float[]) r[10]);
                placement.stored.put((UUID) r[0], new Stored((UUID) r[1], (UUID) r[2], features));
                placement.settled.put((UUID) r[2], r[11] != null || (Boolean) r[12]);
            }
        }
        List<ClusterMatcher.Candidate> candidates = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Stored c = placement.stored.get(id);
            if (c == null) {
                continue;
            }
            UUID cluster = placement.current(c.clusterId());
            boolean settled = placement.settled.computeIfAbsent(cluster, k -> em.find(ClaimCluster.class, k).settled());
            candidates.add(new ClusterMatcher.Candidate(id, c.articleId(), cluster, c.features(), settled));
        }
        return candidates;
    }

    /** Moves the claims of the absorbed clusters into the target; returns the cluster that holds them all. */
    private UUID merge(UUID target, Collection<UUID> absorbed, Placement placement) {
        Set<UUID> all = new HashSet<>(absorbed);
        all.add(target);
        // lock in one order so two instances merging overlapping clusters wait instead of deadlocking
        Map<UUID, UUID> roots = new HashMap<>();
        all.stream().sorted().forEach(id -> roots.put(id, lockRoot(id).orElseThrow().id));
        UUID into = roots.get(target);
        Set<UUID> moving = new HashSet<>();
        for (UUID id : absorbed) {
            UUID root = roots.get(id);
            if (!root.equals(into)) {
                moving.add(root);
            }
        }
        if (!moving.isEmpty()) {
            absorb(into, moving);
            moving.forEach(id -> placement.merged.put(id, into));
        }
        return into;
    }

    /**
     * Moves every claim and conflict of the locked root clusters {@code moving} into the locked root {@code into};
     * the moved clusters point at it from then on.
     */
    void absorb(UUID into, Collection<UUID> moving) {
        Claim.update("clusterId = ?1 where clusterId in ?2", into, moving);
        ClaimCluster.update("mergedInto = ?1 where id in ?2", into, moving);
        Conflict.update("clusterId = ?1 where clusterId in ?2", into, moving);
        settle(into);
    }

    /** A dismissed claim stops being a candidate for later claims. */
    void withdraw(Claim claim) {
        em.createNativeQuery("DELETE FROM claim_key WHERE claim_id = ?1").setParameter(1, claim.id).executeUpdate();
    }

    /** A claim edited or restored by a reviewer is a candidate under its keys as they now are. */
    void reindex(Claim claim) {
        withdraw(claim);
        storeKeys(claim, claim.features().blockingKeys(), em.find(ClaimCluster.class, claim.clusterId).decided());
    }

    /**
     * Locks a cluster row, following merges to the cluster that now holds its claims; empty when no such
     * cluster was ever made here.
     */
    Optional<ClaimCluster> lockRoot(UUID id) {
        UUID current = id;
        while (true) {
            ClaimCluster cluster = em.find(ClaimCluster.class, current);
            if (cluster == null) {
                return Optional.empty();
            }
            em.refresh(cluster, LockModeType.PESSIMISTIC_WRITE);
            if (cluster.mergedInto == null) {
                return Optional.of(cluster);
            }
            current = cluster.mergedInto;
        }
    }

    private void storeKeys(Claim claim, Set<String> keys, boolean decided) {
        if (keys.isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO claim_key (key, created_at, claim_id, article_id, decided) "
                        + "SELECT k, ?2, ?3, ?4, ?5 FROM unnest(CAST(?1 AS text[])) AS k")
                .setParameter(1, keys.toArray(String[]::new))
                .setParameter(2, Timestamp.from(claim.createdAt))
                .setParameter(3, claim.id)
                .setParameter(4, claim.articleId)
                .setParameter(5, decided)
                .executeUpdate();
    }

    /** An older revision's claims stop being candidates once a newer revision is placed. */
    public void retire(UUID articleId, int revisionBefore) {
        em.createNativeQuery("DELETE FROM claim_key WHERE claim_id IN (SELECT id FROM claim WHERE article_id = ?1 AND revision < ?2)")
                .setParameter(1, articleId)
                .setParameter(2, revisionBefore)
                .executeUpdate();
    }
}
