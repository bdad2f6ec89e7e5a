package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ClaimType;
import dev.claimdesk.claims.extraction.ClusterMatcher;
import dev.claimdesk.claims.extraction.SentenceEmbedder;
import dev.claimdesk.commons.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Hibernate;
import org.hibernate.Session;

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
    private final CandidateFeatures cache;

    Clusters(EntityManager em, CandidateFeatures cache) {
        this.em = em;
        this.cache = cache;
    }

    /** A stored claim as a candidate: where it was told, the cluster it was in when read, what it says. */
    private record Stored(UUID articleId, UUID clusterId, ClaimSimilarity.Features features) {
    }

    /** A stored claim under one blocking key, as the candidate read returns it. */
    record Keyed(UUID claimId, Instant createdAt) {
    }

    /**
     * Where one article's claims go: the clusters they joined or created, merges on the way, and what was read and
     * locked for them. Claims are stored by {@link #finish}, once every one of them has its cluster.
     */
    public static final class Placement {
        private final Map<UUID, UUID> merged = new HashMap<>();
        private final Set<UUID> touched = new LinkedHashSet<>();
        /** The article's claims to place, with their features, and the candidates of each, best first. */
        private final Map<UUID, ClaimSimilarity.Features> features = new HashMap<>();
        private final Map<UUID, List<UUID>> ranked = new HashMap<>();
        /** Candidates read for this article: its claims share many candidates. */
        private final Map<UUID, Stored> stored = new HashMap<>();
        /** Whether a candidate's cluster is settled, by cluster. */
        private final Map<UUID, Boolean> settled = new HashMap<>();
        /** Clusters this transaction holds locked (and those it created), which only it can change. */
        private final Set<UUID> locked = new HashSet<>();
        private final List<Claim> joined = new ArrayList<>();
        private final Map<UUID, Set<String>> keys = new HashMap<>();
        /** The article the one being placed is a rewritten copy of, or null. */
        private UUID original;
        /** The article being placed, and the story vectors of it and of the candidates' articles (where known). */
        private UUID article;
        private final Map<UUID, float[]> stories = new HashMap<>();

        /** How alike two articles are as stories, NaN where either has no story vector. */
        double storyLikeness(UUID one, UUID other) {
            float[] a = stories.get(one);
            float[] b = stories.get(other);
            return a == null || b == null ? Double.NaN : SentenceEmbedder.cosine(a, b);
        }

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
     * Starts placing one article's claims: the candidates of all of {@code toPlace} (the claims that need a cluster
     * chosen) are read at once, in two or three queries for the article rather than two for each claim. {@code original}
     * is the article this one is a rewritten copy of, or null; {@code story} the article's story vector, or null.
     */
    public Placement begin(UUID articleId, float[] story, UUID original, Collection<Claim> toPlace) {
        Placement placement = new Placement();
        placement.original = original;
        placement.article = articleId;
        if (story != null) {
            placement.stories.put(articleId, story);
        }
        Set<String> allKeys = new HashSet<>();
        for (Claim claim : toPlace) {
            ClaimSimilarity.Features features = claim.features();
            placement.features.put(claim.id, features);
            Set<String> keys = features.blockingKeys();
            placement.keys.put(claim.id, keys);
            allKeys.addAll(keys);
        }
        Map<String, List<Keyed>> byKey = keyed(articleId, allKeys);
        Set<UUID> all = new HashSet<>();
        placement.keys.forEach((claimId, keys) -> {
            List<UUID> ranked = rank(keys, byKey);
            placement.ranked.put(claimId, ranked);
            all.addAll(ranked);
        });
        read(all, placement);
        readStories(placement);
        return placement;
    }

    /** The story vectors of the candidates' articles, their latest revisions'. */
    private void readStories(Placement placement) {
        Set<UUID> articles = new HashSet<>();
        placement.stored.values().forEach(c -> articles.add(c.articleId()));
        articles.remove(placement.article);
        if (articles.isEmpty()) {
            return;
        }
        for (Object[] r : em.createQuery("SELECT a.key.articleId, a.storyVector FROM ReceivedArticle a WHERE a.key.articleId IN ?1 AND "
                        + ReceivedArticle.isLatest("a.key.articleId", "a.key.revision"), Object[].class)
                .setParameter(1, articles)
                .getResultList()) {
            if (r[1] != null) {
                placement.stories.put((UUID) r[0], (float[]) r[1]);
            }
        }
    }

    /**
     * The latest stored claims of other articles under each key, and every decided one, in one query: thousands of
     * rows an article, so read without Hibernate's mapping (nothing of this transaction's is pending in claim_key).
     */
    private Map<String, List<Keyed>> keyed(UUID articleId, Set<String> keys) {
        Map<String, List<Keyed>> byKey = new HashMap<>();
        if (keys.isEmpty()) {
            return byKey;
        }
        Timestamp since = Timestamp.from(Instant.now().minus(CANDIDATE_DAYS, ChronoUnit.DAYS));
        List<Map.Entry<String, Keyed>> rows = Sql.select(em, """
                        SELECT wanted.key, k.claim_id, k.created_at FROM unnest(CAST(? AS text[])) AS wanted(key)
                        CROSS JOIN LATERAL (
                            (SELECT ck.claim_id, ck.created_at FROM claim_key ck
                             WHERE ck.key = wanted.key AND ck.created_at > ? AND ck.article_id <> ?
                             ORDER BY ck.created_at DESC LIMIT ?)
                            UNION
                            (SELECT ck.claim_id, ck.created_at FROM claim_key ck
                             WHERE ck.key = wanted.key AND ck.decided AND ck.article_id <> ?
                             ORDER BY ck.created_at DESC LIMIT ?)) k""", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", keys.toArray()));
                    statement.setTimestamp(2, since);
                    statement.setObject(3, articleId);
                    statement.setInt(4, PER_KEY);
                    statement.setObject(5, articleId);
                    statement.setInt(6, PER_KEY);
                }, row -> Map.entry(row.getString(1),
                        new Keyed(row.getObject(2, UUID.class), row.getTimestamp(3).toInstant())));
        for (Map.Entry<String, Keyed> row : rows) {
            byKey.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return byKey;
    }

    /** A claim's candidates: those sharing the most of its keys first, then the latest. */
    static List<UUID> rank(Set<String> keys, Map<String, List<Keyed>> byKey) {
        // one tally per candidate, sorted on its own fields: a comparator looking counts up in maps took a twentieth
        // of claims-service's CPU (docs/benchmarks.md, "Ranking candidates, and reads without the mapping")
        Map<UUID, Tally> tallies = new HashMap<>();
        for (String key : keys) {
            for (Keyed k : byKey.getOrDefault(key, List.of())) {
                Tally tally = tallies.get(k.claimId());
                if (tally == null) {
                    tallies.put(k.claimId(), new Tally(k.claimId(), k.createdAt()));
                } else {
                    tally.shared++;
                }
            }
        }
        List<Tally> ranked = new ArrayList<>(tallies.values());
        ranked.sort(null);
        List<UUID> ids = new ArrayList<>(Math.min(MAX_CANDIDATES, ranked.size()));
        for (int i = 0; i < ranked.size() && i < MAX_CANDIDATES; i++) {
            ids.add(ranked.get(i).claimId);
        }
        return ids;
    }

    /** How many of a claim's keys a candidate shares, and when it was told; the first in order is the best. */
    private static final class Tally implements Comparable<Tally> {
        private final UUID claimId;
        private final Instant told;
        private int shared = 1;

        Tally(UUID claimId, Instant told) {
            this.claimId = claimId;
            this.told = told;
        }

        @Override
        public int compareTo(Tally other) {
            if (shared != other.shared) {
                return Integer.compare(other.shared, shared);
            }
            int byTime = other.told.compareTo(told);
            return byTime != 0 ? byTime : claimId.compareTo(other.claimId);
        }
    }

    /**
     * Reads the candidates' clusters, always from the database (merges move claims), and their features from
     * memory where they are there, from the database otherwise.
     */
    private void read(Set<UUID> ids, Placement placement) {
        if (ids.isEmpty()) {
            return;
        }
        record Candidate(UUID id, UUID cluster, boolean corrected, boolean settled) {
        }
        // hundreds of rows for every article, so without Hibernate's mapping (its claims are not stored yet)
        List<Candidate> rows = Sql.select(em, """
                        SELECT c.id, c.cluster_id, c.corrected, cl.verdict_id IS NOT NULL OR cl.curated
                        FROM claim c JOIN claim_cluster cl ON cl.id = c.cluster_id
                        WHERE c.id = ANY(CAST(? AS uuid[]))""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", Sql.uuids(ids))),
                row -> new Candidate(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getBoolean(3),
                        row.getBoolean(4)));
        Map<UUID, UUID> clusterOf = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (Candidate r : rows) {
            clusterOf.put(r.id(), r.cluster());
            placement.settled.put(r.cluster(), r.settled());
            CandidateFeatures.Known known = r.corrected() ? null : cache.get(r.id());
            if (known == null) {
                unknown.add(r.id());
            } else {
                placement.stored.put(r.id(), new Stored(known.articleId(), r.cluster(), known.features()));
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        // plain values, not entities: candidates are compared, never changed here, and every flush of this
        // transaction would check managed ones again
        for (Object[] r : em.createQuery("""
                        SELECT c.id, c.articleId, c.type, c.text, c.speaker, c.places, c.actor, c.quantityValue,
                               c.quantityUnit, c.embedding, c.corrected, c.quantitySubject, c.quantityText
                        FROM Claim c WHERE c.id IN ?1""", Object[].class)
                .setParameter(1, unknown)
                .getResultList()) {
            UUID id = (UUID) r[0];
            ClaimSimilarity.Features features = ClaimSimilarity.features(ClaimType.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], r[5] == null ? List.of() : Arrays.asList((String[]) r[5]), (String) r[6], (Double) r[7],
                    r[7] == null ? null : (String) r[8], r[7] == null ? null : (String) r[11], (String) r[12], (float[]) r[9]);
            placement.stored.put(id, new Stored((UUID) r[1], clusterOf.get(id), features));
            if (!(Boolean) r[10]) {
                cache.put(id, (UUID) r[1], features);
            }
        }
    }

    /**
     * Chooses {@code claim}'s cluster (a stored one or a new one), which it takes at {@link #finish}. The article's
     * earlier claims are in {@code placement}, begun with this claim among those to place, whose merges this claim's
     * cluster follows.
     */
    public void place(Claim claim, Placement placement) {
        ClaimSimilarity.Features features = placement.features.get(claim.id);
        Optional<ClusterMatcher.Match> match = ClusterMatcher.match(features, placement.article, candidates(claim.id, placement),
                placement.original, placement::storyLikeness);
        match = match.flatMap(m -> vetted(features, m, placement));
        UUID cluster;
        if (match.isEmpty()) {
            cluster = ClaimCluster.create(claim.createdAt).id;
            placement.locked.add(cluster);
        } else {
            cluster = merge(match.get().cluster(), match.get().absorbed(), placement);
        }
        join(claim, cluster, placement.keys.get(claim.id), placement);
        cache.put(claim.id, claim.articleId, features);
    }

    /** The most members of a cluster read to check that none tells another measure or movement than a new claim. */
    private static final int MOST_MEMBERS_CHECKED = 300;

    /**
     * The match with every member of the clusters it involves in view, not only the candidates (the claims nearest by
     * keys): empty when the cluster to join holds a member of another movement than the claim, and without
     * the clusters to absorb whose members are opposed to the claim's or the target's. Otherwise a withdrawal could join
     * a retaking through a quote that names neither, or a claim naming neither could merge their clusters.
     */
    private Optional<ClusterMatcher.Match> vetted(ClaimSimilarity.Features features, ClusterMatcher.Match match,
                                                  Placement placement) {
        // a figure's candidates come by its measure's key, so its cluster's members of that measure are among them;
        // a movement has no such key, and a merge brings in members no candidate showed: read those
        boolean ownKind = !features.actions().isEmpty();
        if (!ownKind && match.absorbed().isEmpty()) {
            return Optional.of(match);
        }
        UUID target = placement.current(match.cluster());
        Map<UUID, List<ClaimSimilarity.Features>> members = members(target, match.absorbed(), placement);
        List<ClaimSimilarity.Features> joined = new ArrayList<>(members.getOrDefault(target, List.of()));
        joined.add(features);
        if (ownKind && joined.stream().anyMatch(m -> m != features && ClaimSimilarity.opposed(features, m))) {
            return Optional.empty();
        }
        Set<UUID> absorbed = new LinkedHashSet<>();
        for (UUID other : match.absorbed()) {
            List<ClaimSimilarity.Features> theirs = members.getOrDefault(placement.current(other), List.of());
            if (theirs.stream().noneMatch(t -> joined.stream().anyMatch(j -> ClaimSimilarity.opposed(t, j)))) {
                absorbed.add(other);
            }
        }
        return Optional.of(new ClusterMatcher.Match(match.cluster(), absorbed, match.score()));
    }

    /** The features of the undismissed members of these clusters (at most a few hundred), this article's placed ones too. */
    private Map<UUID, List<ClaimSimilarity.Features>> members(UUID target, Set<UUID> absorbed, Placement placement) {
        Set<UUID> clusters = new HashSet<>();
        clusters.add(target);
        absorbed.forEach(id -> clusters.add(placement.current(id)));
        Map<UUID, List<ClaimSimilarity.Features>> members = new HashMap<>();
        for (Claim joined : placement.joined) {
            UUID cluster = placement.current(joined.clusterId);
            if (clusters.contains(cluster)) {
                ClaimSimilarity.Features known = placement.features.get(joined.id);
                members.computeIfAbsent(cluster, k -> new ArrayList<>()).add(known != null ? known : joined.features());
            }
        }
        for (Object[] r : em.createQuery("""
                        SELECT c.clusterId, c.type, c.text, c.speaker, c.places, c.actor, c.quantityValue, c.quantityUnit,
                               c.quantitySubject, c.quantityText
                        FROM Claim c WHERE c.clusterId IN ?1 AND c.status <> ?2""", Object[].class)
                .setParameter(1, clusters)
                .setParameter(2, Claim.DISMISSED)
                .setMaxResults(MOST_MEMBERS_CHECKED)
                .getResultList()) {
            members.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(ClaimSimilarity.features(
                    ClaimType.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    r[4] == null ? List.of() : Arrays.asList((String[]) r[4]), (String) r[5], (Double) r[6],
                    r[6] == null ? null : (String) r[7], r[6] == null ? null : (String) r[8], (String) r[9], null));
        }
        return members;
    }

    /**
     * Keeps a claim in a cluster chosen before (an unchanged sentence of an earlier revision); a claim a
     * reviewer dismissed stays dismissed.
     */
    public void keep(Claim claim, UUID clusterId, Placement placement) {
        join(claim, lockRoot(clusterId, placement).orElseThrow().id, claim.features().blockingKeys(), placement);
    }

    private void join(Claim claim, UUID clusterId, Set<String> keys, Placement placement) {
        claim.clusterId = clusterId;
        placement.touched.add(clusterId);
        placement.joined.add(claim);
        placement.keys.put(claim.id, keys);
    }

    /**
     * Stores the placed claims in the clusters they now belong to, after the article's merges, each showing its
     * cluster's state (a verdict shows at once), and makes them candidates for later claims; in one batch of inserts
     * and one statement for all their keys.
     */
    public void finish(Placement placement) {
        List<String> keys = new ArrayList<>();
        List<String> claimIds = new ArrayList<>();
        List<String> articleIds = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> decided = new ArrayList<>();
        for (Claim claim : placement.joined) {
            claim.clusterId = placement.current(claim.clusterId);
            ClaimCluster cluster = em.find(ClaimCluster.class, claim.clusterId);
            if (!Claim.DISMISSED.equals(claim.status)) {
                claim.status = cluster.claimStatus();
            }
            claim.persist();
            for (String key : placement.keys.get(claim.id)) {
                keys.add(key);
                claimIds.add(claim.id.toString());
                articleIds.add(claim.articleId.toString());
                created.add(claim.createdAt.toString());
                decided.add(Boolean.toString(cluster.decided()));
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO claim_key (key, created_at, claim_id, article_id, decided)
                        SELECT k.key, CAST(k.created_at AS timestamptz), CAST(k.claim_id AS uuid), CAST(k.article_id AS uuid),
                               CAST(k.decided AS boolean)
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[])) AS k(key, claim_id, article_id, created_at, decided)""")
                .setParameter(1, keys.toArray(String[]::new))
                .setParameter(2, claimIds.toArray(String[]::new))
                .setParameter(3, articleIds.toArray(String[]::new))
                .setParameter(4, created.toArray(String[]::new))
                .setParameter(5, decided.toArray(String[]::new))
                .executeUpdate();
    }

    /** The status a claim of this cluster shows now. */
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
        showStatus(List.of(cluster));
        return cluster;
    }

    /**
     * As {@link #showStatus(UUID)} for many clusters: one statement for each status they now show. Not a join with the
     * clusters' ids and statuses unnested: PostgreSQL's generic plan for that, used once the driver has prepared the
     * statement, scans every claim.
     */
    public void showStatus(Collection<ClaimCluster> changed) {
        Map<String, List<UUID>> byStatus = new HashMap<>();
        for (ClaimCluster cluster : changed) {
            byStatus.computeIfAbsent(cluster.claimStatus(), k -> new ArrayList<>()).add(cluster.id);
        }
        byStatus.forEach((status, clusterIds) -> Sql.on(em, Claim.class, "UPDATE claim SET status = ?1 "
                        + "WHERE cluster_id = ANY(CAST(CAST(?2 AS text[]) AS uuid[])) AND status <> ?3 AND status <> ?1")
                .setParameter(1, status)
                .setParameter(2, Sql.uuids(clusterIds))
                .setParameter(3, Claim.DISMISSED)
                .executeUpdate());
    }

    private List<ClusterMatcher.Candidate> candidates(UUID claimId, Placement placement) {
        List<UUID> ids = placement.ranked.getOrDefault(claimId, List.of());
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
        all.stream().sorted().forEach(id -> roots.put(id, lockRoot(id, placement).orElseThrow().id));
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
        // whether a key stays a candidate for good changes only where a verdict is on either side
        boolean decided = moving.stream().anyMatch(id -> em.find(ClaimCluster.class, id).decided());
        String[] movingIds = Sql.uuids(moving);
        repoint(Claim.class, "UPDATE claim SET cluster_id = ?1 WHERE cluster_id", into, movingIds);
        repoint(ClaimCluster.class, "UPDATE claim_cluster SET merged_into = ?1 WHERE id", into, movingIds);
        repoint(Conflict.class, "UPDATE conflict SET cluster_id = ?1 WHERE cluster_id", into, movingIds);
        if (decided || em.find(ClaimCluster.class, into).decided()) {
            settle(into);
        } else {
            showStatus(into);
        }
    }

    /** Runs {@code update}, which ends in the column to match, on the rows where that column is one of {@code ids}. */
    private void repoint(Class<?> entity, String update, UUID into, String[] ids) {
        Sql.on(em, entity, update + " = ANY(CAST(CAST(?2 AS text[]) AS uuid[]))")
                .setParameter(1, into).setParameter(2, ids).executeUpdate();
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
        return lockRoot(id, new Placement());
    }

    /**
     * As {@link #lockRoot(UUID)} for many clusters, keyed by the ids asked for (an unknown one is missing). When this
     * transaction has read nothing yet, as for a batch of task events, the rows are locked in one query, in id order
     * so that two instances' batches wait on each other rather than deadlock; merged clusters are then followed one
     * by one.
     */
    public Map<UUID, ClaimCluster> lockRoots(Collection<UUID> ids) {
        Placement placement = new Placement();
        if (em.unwrap(Session.class).getStatistics().getEntityCount() == 0) {
            // nothing read before, so every row comes back as it now is and none needs a refresh
            @SuppressWarnings("unchecked")
            List<ClaimCluster> rows = em.createNativeQuery("SELECT * FROM claim_cluster "
                            + "WHERE id = ANY(CAST(CAST(?1 AS text[]) AS uuid[])) ORDER BY id FOR UPDATE", ClaimCluster.class)
                    .setParameter(1, Sql.uuids(ids))
                    .getResultList();
            rows.stream().filter(cluster -> cluster.mergedInto == null).forEach(cluster -> placement.locked.add(cluster.id));
        }
        Map<UUID, ClaimCluster> roots = new HashMap<>();
        for (UUID id : ids) {
            lockRoot(id, placement).ifPresent(root -> roots.put(id, root));
        }
        return roots;
    }

    /** As {@link #lockRoot(UUID)}, without a query for a cluster this placement already holds locked. */
    private Optional<ClaimCluster> lockRoot(UUID id, Placement placement) {
        UUID current = placement.current(id);
        while (true) {
            if (placement.locked.contains(current)) {
                return Optional.of(em.find(ClaimCluster.class, current));
            }
            ClaimCluster cluster = lockFresh(current);
            if (cluster == null) {
                return Optional.empty();
            }
            if (cluster.mergedInto == null) {
                placement.locked.add(current);
                return Optional.of(cluster);
            }
            current = cluster.mergedInto;
        }
    }

    /** The cluster's row, locked, as it is now: one query, or a refresh of what this transaction read before. */
    private ClaimCluster lockFresh(UUID id) {
        ClaimCluster known = em.getReference(ClaimCluster.class, id);
        if (Hibernate.isInitialized(known)) {
            em.refresh(known, LockModeType.PESSIMISTIC_WRITE);
            return known;
        }
        // the reference only told whether the row was read before; the row may not exist
        em.detach(known);
        return em.find(ClaimCluster.class, id, LockModeType.PESSIMISTIC_WRITE);
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
        if (revisionBefore <= 1) {
            return;
        }
        em.createNativeQuery("DELETE FROM claim_key WHERE claim_id IN (SELECT id FROM claim WHERE article_id = ?1 AND revision < ?2)")
                .setParameter(1, articleId)
                .setParameter(2, revisionBefore)
                .executeUpdate();
    }
}
