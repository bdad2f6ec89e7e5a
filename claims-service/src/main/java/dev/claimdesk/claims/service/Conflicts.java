package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.ClaimType;
import dev.claimdesk.claims.extraction.FigureConflicts;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.commons.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        Map<UUID, List<Figure>> byCluster = figures(clusterIds);
        byCluster.forEach((clusterId, figures) -> compare(clusterId, figures, figures, at, known(figures)));
    }

    /**
     * Compares the pairs that have at least one of the {@code fresh} claims, in clusters they only joined: every
     * other pair was compared when the later of its two claims came in. Placing one more claim in a cluster of n
     * figures is n comparisons, not n² (a cluster told by many outlets made each article slower than the last).
     * Clusters that no fresh figure joined are not read at all.
     */
    public void refreshAdded(Collection<UUID> clusterIds, Collection<Claim> fresh, Instant at) {
        Set<UUID> added = new HashSet<>();
        Set<UUID> withFreshFigure = new HashSet<>();
        for (Claim c : fresh) {
            if (ClaimType.STATISTIC.name().equals(c.type) && !Claim.DISMISSED.equals(c.status) && clusterIds.contains(c.clusterId)) {
                added.add(c.id);
                withFreshFigure.add(c.clusterId);
            }
        }
        // the fresh claims are rows of this transaction: no conflict names them yet
        figures(withFreshFigure).forEach((clusterId, figures) ->
                compare(clusterId, figures, figures.stream().filter(f -> added.contains(f.id())).toList(), at, new HashMap<>()));
    }

    /**
     * The most figures one claim is recorded as disagreeing with, each a different figure, the earliest told: enough
     * for a reviewer to see who said what, while a story told by hundreds of outlets with as many tolls does not make
     * hundreds of thousands of rows (and seconds per article to write them).
     */
    public static final int MOST_PER_CLAIM = 10;

    /** A current figure of a cluster: only what comparing and recording need, not the whole claim. */
    private record Figure(UUID id, UUID articleId, UUID copyOf, Quantity quantity, FigureConflicts.Measured measured) {

        /** Whether one of the two articles is a rewritten copy of the other. */
        boolean copies(Figure other) {
            return articleId.equals(other.copyOf) || other.articleId.equals(copyOf);
        }

        String value() {
            return quantity.value() + "/" + quantity.low() + "/" + quantity.high() + "/" + quantity.qualifier();
        }
    }

    /** The current figures of each of these clusters, earliest first, in one query for them all. */
    private Map<UUID, List<Figure>> figures(Collection<UUID> clusterIds) {
        Map<UUID, List<Figure>> byCluster = new LinkedHashMap<>();
        if (clusterIds.isEmpty()) {
            return byCluster;
        }
        // SQL with one array for any number of clusters, synchronised on the claims and revisions this transaction
        // has just written: HQL's IN list is translated anew for each number of clusters, and this runs per article
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) Sql.on(Claim.getEntityManager(), Claim.class, """
                        SELECT c.cluster_id, c.id, c.article_id, c.q_value, c.q_low, c.q_high, c.q_qualifier, c.q_unit,
                               c.q_subject, c.q_text, c.q_start, c.q_end, c.text,
                               r.published_at, r.copy_of
                        FROM claim c LEFT JOIN received_article r ON r.article_id = c.article_id AND r.revision = c.revision
                        WHERE c.cluster_id = ANY(CAST(CAST(?1 AS text[]) AS uuid[])) AND c.type = 'STATISTIC'
                          AND c.status <> 'DISMISSED' AND c.q_value IS NOT NULL
                          AND c.revision = (SELECT max(r.revision) FROM received_article r WHERE r.article_id = c.article_id)
                        ORDER BY c.created_at, c.id""")
                .addSynchronizedEntityClass(ReceivedArticle.class)
                .setParameter(1, Sql.uuids(clusterIds))
                .getResultList();
        for (Object[] r : rows) {
            Quantity quantity = new Quantity((Double) r[3], (Double) r[4], (Double) r[5],
                    Quantity.Qualifier.valueOf((String) r[6]), (String) r[7], (String) r[8], (String) r[9],
                    (Integer) r[10], (Integer) r[11]);
            byCluster.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Figure((UUID) r[1], (UUID) r[2], (UUID) r[14], quantity,
                    FigureConflicts.Measured.of(quantity, (String) r[12], Sql.instant(r[13]))));
        }
        return byCluster;
    }

    /** The conflicts already recorded between these figures, read once: a query per pair took minutes. */
    private static Map<String, Conflict> known(List<Figure> figures) {
        Map<String, Conflict> known = new HashMap<>();
        if (figures.size() < 2) {
            return known;
        }
        List<UUID> ids = figures.stream().map(Figure::id).toList();
        for (Conflict c : Conflict.<Conflict>list("claimA in ?1 and claimB in ?1", ids)) {
            known.put(c.claimA + "/" + c.claimB, c);
        }
        return known;
    }

    /** Records the conflicts of pairs with a fresh figure; {@code known} are those recorded before, by pair. */
    private void compare(UUID clusterId, List<Figure> figures, List<Figure> fresh, Instant at, Map<String, Conflict> known) {
        if (figures.size() < 2 || fresh.isEmpty()) {
            return;
        }
        Set<UUID> compared = new HashSet<>();
        for (Figure a : fresh) {
            compared.add(a.id());
            // every different figure first, then further outlets telling one of them, up to the most per claim
            Set<String> values = new HashSet<>();
            Map<Figure, FigureConflicts.Conflict> repeating = new LinkedHashMap<>();
            Map<Figure, FigureConflicts.Conflict> found = new LinkedHashMap<>();
            for (Figure b : figures) {
                if (found.size() >= MOST_PER_CLAIM) {
                    break;
                }
                // a pair of two fresh claims once; figures of one article are one outlet's story, not two sources
                if (!compared.contains(b.id()) && !a.articleId().equals(b.articleId())) {
                    var conflict = FigureConflicts.between(a.measured(), b.measured(), a.copies(b));
                    if (conflict.isPresent()) {
                        (values.add(b.value()) ? found : repeating).put(b, conflict.get());
                    }
                }
            }
            for (var b : repeating.entrySet()) {
                if (found.size() >= MOST_PER_CLAIM) {
                    break;
                }
                found.put(b.getKey(), b.getValue());
            }
            found.forEach((b, conflict) -> record(clusterId, a.id(), b.id(), conflict, at, known));
        }
    }

    /** Drops the conflicts these claims are part of, before their figures or clusters change under them. */
    public void forget(Collection<UUID> claimIds) {
        if (!claimIds.isEmpty()) {
            Conflict.delete("claimA in ?1 or claimB in ?1", claimIds);
        }
    }

    /** For each claim, the conflicts it is part of and the claims whose figures it conflicts with, in the same order. */
    public record Involvement(Map<UUID, List<UUID>> conflicts, Map<UUID, List<UUID>> opponents) {
    }

    /** The conflicts each of these claims is part of, and with which claims. */
    public Involvement ofClaims(Collection<UUID> claimIds) {
        Involvement involvement = new Involvement(new HashMap<>(), new HashMap<>());
        if (claimIds.isEmpty()) {
            return involvement;
        }
        // one array parameter for any number of claims; every article is announced through here
        String[] ids = Sql.uuids(claimIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) Sql.on(Conflict.getEntityManager(), Conflict.class, "SELECT id, claim_a, claim_b FROM conflict "
                        + "WHERE claim_a = ANY(CAST(CAST(?1 AS text[]) AS uuid[])) OR claim_b = ANY(CAST(CAST(?1 AS text[]) AS uuid[])) "
                        + "ORDER BY created_at, id")
                .setParameter(1, ids)
                .getResultList();
        for (Object[] row : rows) {
            UUID conflict = (UUID) row[0];
            UUID a = (UUID) row[1];
            UUID b = (UUID) row[2];
            involvement.conflicts().computeIfAbsent(a, k -> new ArrayList<>()).add(conflict);
            involvement.conflicts().computeIfAbsent(b, k -> new ArrayList<>()).add(conflict);
            involvement.opponents().computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            involvement.opponents().computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        }
        return involvement;
    }

    private static void record(UUID clusterId, UUID a, UUID b, FigureConflicts.Conflict found, Instant at, Map<String, Conflict> known) {
        // one row per pair, in the order PostgreSQL sorts UUIDs (unsigned bytes, as their text sorts)
        boolean ordered = a.toString().compareTo(b.toString()) < 0;
        UUID first = ordered ? a : b;
        UUID second = ordered ? b : a;
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
