package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.FigureConflicts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Flags figures of one cluster that cannot both hold. Figures of the same article are not compared: an
 * article giving a toll and a later update of it is one outlet's story, not two sources disagreeing.
 */
@ApplicationScoped
public class Conflicts {

    /**
     * Compares every pair of current figures in these clusters and records the conflicts not yet known: after a
     * merge, a split or a correction, when pairs of claims already stored may have changed.
     */
    public void refresh(Collection<UUID> clusterIds, Instant at) {
        for (UUID clusterId : clusterIds) {
            compare(clusterId, null, at);
        }
    }

    /**
     * Compares the pairs that have at least one of the {@code fresh} claims, in clusters they only joined: every
     * other pair was compared when the later of its two claims came in. Placing one more claim in a cluster of n
     * figures is n comparisons, not n² (a cluster told by many outlets made each article slower than the last).
     */
    public void refreshAdded(Collection<UUID> clusterIds, Collection<UUID> fresh, Instant at) {
        Set<UUID> added = Set.copyOf(fresh);
        for (UUID clusterId : clusterIds) {
            compare(clusterId, added, at);
        }
    }

    /**
     * The most figures one claim is recorded as disagreeing with, each a different figure, the earliest told: enough
     * for a reviewer to see who said what, while a story told by hundreds of outlets with as many tolls does not make
     * hundreds of thousands of rows (and seconds per article to write them).
     */
    public static final int MOST_PER_CLAIM = 10;

    private static String figure(Claim c) {
        return c.quantityValue + "/" + c.quantityLow + "/" + c.quantityHigh + "/" + c.quantityQualifier;
    }

    private void compare(UUID clusterId, Set<UUID> added, Instant at) {
        List<Claim> figures = Claim.list("from Claim c where c.clusterId = ?1 and c.type = 'STATISTIC' "
                + "and c.status <> 'DISMISSED' and " + ReceivedArticle.isLatest("c.articleId", "c.revision")
                + " order by c.createdAt, c.id", clusterId);
        if (figures.size() < 2) {
            return;
        }
        List<Claim> fresh = added == null ? figures : figures.stream().filter(c -> added.contains(c.id)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        // the known conflicts read once, in memory: a query per pair (each flushing the session) took minutes
        Map<String, Conflict> known = new HashMap<>();
        List<UUID> ids = figures.stream().map(c -> c.id).toList();
        List<UUID> freshIds = fresh.stream().map(c -> c.id).toList();
        for (Conflict c : Conflict.<Conflict>list("(claimA in ?1 and claimB in ?2) or (claimA in ?2 and claimB in ?1)", freshIds, ids)) {
            known.put(c.claimA + "/" + c.claimB, c);
        }
        Set<UUID> compared = new HashSet<>();
        for (Claim a : fresh) {
            compared.add(a.id);
            Set<String> against = new HashSet<>();
            for (Claim b : figures) {
                if (against.size() >= MOST_PER_CLAIM) {
                    break;
                }
                // a pair of two fresh claims once; figures of one article are one outlet's story, not two sources
                if (!compared.contains(b.id) && !a.articleId.equals(b.articleId)) {
                    var found = FigureConflicts.between(a.quantity(), b.quantity());
                    if (found.isPresent() && against.add(figure(b))) {
                        record(clusterId, a, b, found.get(), at, known);
                    }
                }
            }
        }
    }

    /** Drops the conflicts these claims are part of, before their figures or clusters change under them. */
    public void forget(Collection<UUID> claimIds) {
        if (!claimIds.isEmpty()) {
            Conflict.delete("claimA in ?1 or claimB in ?1", claimIds);
        }
    }

    /** The conflicts each of these claims is part of. */
    public Map<UUID, List<UUID>> ofClaims(Collection<UUID> claimIds) {
        Map<UUID, List<UUID>> byClaim = new HashMap<>();
        if (claimIds.isEmpty()) {
            return byClaim;
        }
        for (Conflict c : Conflict.<Conflict>list("claimA in ?1 or claimB in ?1", claimIds)) {
            byClaim.computeIfAbsent(c.claimA, k -> new ArrayList<>()).add(c.id);
            byClaim.computeIfAbsent(c.claimB, k -> new ArrayList<>()).add(c.id);
        }
        return byClaim;
    }

    private static void record(UUID clusterId, Claim a, Claim b, FigureConflicts.Conflict found, Instant at, Map<String, Conflict> known) {
        // one row per pair, in the order PostgreSQL sorts UUIDs (unsigned bytes, as their text sorts)
        boolean ordered = a.id.toString().compareTo(b.id.toString()) < 0;
        UUID first = ordered ? a.id : b.id;
        UUID second = ordered ? b.id : a.id;
        Conflict existing = known.get(first + "/" + second);
        if (existing != null) {
            existing.clusterId = clusterId;
            return;
        }
        Conflict conflict = new Conflict();
        conflict.id = UUID.randomUUID();
        conflict.clusterId = clusterId;
        conflict.claimA = first;
        conflict.claimB = second;
        conflict.kind = found.kind().name();
        conflict.detail = found.detail();
        conflict.createdAt = at;
        conflict.persist();
        known.put(first + "/" + second, conflict);
    }
}
