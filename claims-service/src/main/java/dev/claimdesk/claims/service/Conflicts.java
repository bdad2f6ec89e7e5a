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
     * Compares every pair of current figures in these clusters and records the conflicts not yet known. The pairs are
     * compared in memory against the cluster's known conflicts, read once: a cluster told by a hundred outlets is
     * thousands of pairs, and a query per pair (each flushing the session) made placing one more claim take minutes.
     */
    public void refresh(Collection<UUID> clusterIds, Instant at) {
        for (UUID clusterId : clusterIds) {
            List<Claim> figures = Claim.list("from Claim c where c.clusterId = ?1 and c.type = 'STATISTIC' "
                    + "and c.status <> 'DISMISSED' and " + ReceivedArticle.isLatest("c.articleId", "c.revision"), clusterId);
            if (figures.size() < 2) {
                continue;
            }
            Map<String, Conflict> known = new HashMap<>();
            List<UUID> ids = figures.stream().map(c -> c.id).toList();
            for (Conflict c : Conflict.<Conflict>list("claimA in ?1 and claimB in ?1", ids)) {
                known.put(c.claimA + "/" + c.claimB, c);
            }
            for (int i = 0; i < figures.size(); i++) {
                for (int j = i + 1; j < figures.size(); j++) {
                    Claim a = figures.get(i);
                    Claim b = figures.get(j);
                    if (!a.articleId.equals(b.articleId)) {
                        FigureConflicts.between(a.quantity(), b.quantity()).ifPresent(c -> record(clusterId, a, b, c, at, known));
                    }
                }
            }
        }
    }

    /** Drops the conflicts these claims are part of, before their figures or clusters change under them. */
    public void forget(java.util.Collection<UUID> claimIds) {
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
