package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ClaimCluster;
import dev.claimdesk.claims.Correction;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.messaging.ClaimExtracted;
import dev.claimdesk.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reviewers' corrections of extraction: edit a claim, dismiss it ("not a claim") or restore it, split a cluster,
 * merge clusters. Each is recorded with who, why, before and after; the changed articles' claims are announced
 * again; and they hold when the article is re-extracted (see ArticleIntake).
 */
@ApplicationScoped
public class Corrections {

    /** A claim edit; a field left null is left alone ({@code clearSpeaker} empties the speaker). */
    public record ClaimEdit(String type, Quantity quantity, String speaker, boolean clearSpeaker, List<String> places,
                            String status, String reason) {
    }

    private final Clusters clusters;
    private final Conflicts conflicts;
    private final Announcements announcements;

    Corrections(Clusters clusters, Conflicts conflicts, Announcements announcements) {
        this.clusters = clusters;
        this.conflicts = conflicts;
        this.announcements = announcements;
    }

    @Transactional
    public Claim edit(UUID claimId, ClaimEdit edit, String actor) {
        Claim claim = Claim.findById(claimId, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            throw ProblemException.notFound("Claim", claimId);
        }
        requireCurrent(claim);
        Map<String, Object> before = snapshot(claim);
        boolean content = edit.type() != null || edit.quantity() != null || edit.speaker() != null || edit.clearSpeaker()
                || edit.places() != null;
        if (edit.type() != null) {
            claim.type = edit.type();
        }
        if (edit.quantity() != null) {
            setQuantity(claim, edit.quantity());
        }
        if (edit.speaker() != null || edit.clearSpeaker()) {
            claim.speaker = edit.clearSpeaker() ? null : edit.speaker();
        }
        if (edit.places() != null) {
            claim.places = edit.places().toArray(String[]::new);
        }
        if ("STATISTIC".equals(claim.type) && claim.quantityValue == null) {
            throw ProblemException.badRequest("invalid-correction", "A statistic needs a figure",
                    "A STATISTIC claim needs a quantity; give one with the type");
        }
        if (!"STATISTIC".equals(claim.type)) {
            clearQuantity(claim);
        }
        Correction.Kind kind = Correction.Kind.EDIT;
        if ("DISMISSED".equals(edit.status()) && !"DISMISSED".equals(claim.status)) {
            kind = Correction.Kind.DISMISS;
            claim.status = "DISMISSED";
        } else if ("PENDING".equals(edit.status()) && "DISMISSED".equals(claim.status)) {
            kind = Correction.Kind.RESTORE;
            claim.status = clusters.statusOf(claim.clusterId);
        } else if (!content) {
            // the claim already is as asked: nothing to record, nothing to announce
            return claim;
        }
        claim.corrected |= content;
        // every article of the cluster is told again: the conflicts its claims list may have gone with this one's figure
        List<UUID> told = currentClaims(claim.clusterId).stream().map(c -> c.articleId).toList();
        conflicts.forget(List.of(claim.id));
        if ("DISMISSED".equals(claim.status)) {
            clusters.withdraw(claim);
        } else {
            clusters.reindex(claim);
        }
        Instant now = Instant.now();
        conflicts.refresh(List.of(claim.clusterId), now);
        Correction.record(kind, actor, claim.id, claim.clusterId, edit.reason(), before, snapshot(claim));
        announcements.corrected(java.util.stream.Stream.concat(java.util.stream.Stream.of(claim.articleId), told.stream()).toList(),
                List.of(), actor);
        return claim;
    }

    /** Moves these claims out of their cluster into a new one; both keep the shape reviewers gave them. */
    @Transactional
    public UUID split(UUID clusterId, List<UUID> claimIds, String reason, String actor) {
        ClaimCluster cluster = root(clusterId, true);
        Set<UUID> moving = new HashSet<>(claimIds);
        List<Claim> members = currentClaims(cluster.id);
        Set<UUID> memberIds = new HashSet<>(members.stream().map(c -> c.id).toList());
        if (!memberIds.containsAll(moving)) {
            throw new ProblemException(409, "claim-not-in-cluster", "Claims not in this cluster",
                    "Every claim to split off must be a current claim of cluster " + cluster.id);
        }
        if (moving.size() >= memberIds.size()) {
            throw ProblemException.badRequest("invalid-split", "Nothing would remain",
                    "A split must leave at least one claim in cluster " + cluster.id);
        }
        ClaimCluster split = ClaimCluster.create(Instant.now());
        split.curated = true;
        cluster.curated = true;
        conflicts.forget(moving);
        // the new cluster's row must exist before claims point at it; a bulk update does not flush it first
        ClaimCluster.flush();
        Claim.update("clusterId = ?1 where id in ?2", split.id, moving);
        clusters.settle(split.id);
        clusters.settle(cluster.id);
        Instant now = Instant.now();
        conflicts.refresh(List.of(cluster.id, split.id), now);
        Correction.record(Correction.Kind.SPLIT, actor, null, cluster.id, reason,
                Map.of("clusterId", cluster.id.toString(), "claimIds", ids(memberIds)),
                Map.of("clusterId", split.id.toString(), "claimIds", ids(moving)));
        announcements.corrected(members.stream().map(c -> c.articleId).toList(), List.of(), actor);
        return split.id;
    }

    /** Joins these clusters into one: the one with a verdict, or else the oldest. */
    @Transactional
    public UUID merge(List<UUID> clusterIds, String reason, String actor) {
        List<ClaimCluster> roots = new ArrayList<>();
        for (UUID id : clusterIds.stream().distinct().sorted().toList()) {
            ClaimCluster root = root(id, false);
            if (roots.stream().noneMatch(r -> r.id.equals(root.id))) {
                roots.add(root);
            }
        }
        if (roots.size() < 2) {
            throw ProblemException.badRequest("invalid-merge", "Already one cluster",
                    "These ids name one cluster (merged before); there is nothing to merge");
        }
        if (roots.stream().filter(ClaimCluster::decided).count() > 1) {
            throw new ProblemException(409, "verdicts-differ", "Clusters with verdicts",
                    "More than one of these clusters has a verdict; correct a verdict in review-service instead");
        }
        ClaimCluster into = roots.stream().filter(ClaimCluster::decided).findFirst()
                .orElse(roots.stream().min(Comparator.comparing((ClaimCluster c) -> c.createdAt).thenComparing(c -> c.id.toString())).orElseThrow());
        List<UUID> moving = roots.stream().map(c -> c.id).filter(id -> !id.equals(into.id)).toList();
        into.curated = true;
        clusters.absorb(into.id, moving);
        conflicts.refresh(List.of(into.id), Instant.now());
        Correction.record(Correction.Kind.MERGE, actor, null, into.id, reason,
                Map.of("clusterIds", ids(roots.stream().map(c -> c.id).toList())), Map.of("clusterId", into.id.toString()));
        announcements.corrected(currentClaims(into.id).stream().map(c -> c.articleId).toList(),
                moving.stream().map(id -> new ClaimExtracted.Merge(id, into.id)).toList(), actor);
        return into.id;
    }

    private ClaimCluster root(UUID id, boolean exactly) {
        ClaimCluster root = clusters.lockRoot(id).orElseThrow(() -> ProblemException.notFound("Cluster", id));
        if (exactly && !root.id.equals(id)) {
            throw new ProblemException(409, "cluster-merged", "Cluster merged",
                    "Cluster " + id + " was merged into " + root.id + "; split that one");
        }
        return root;
    }

    private static List<Claim> currentClaims(UUID clusterId) {
        return Claim.list("from Claim c where c.clusterId = ?1 and " + ReceivedArticle.isLatest("c.articleId", "c.revision"), clusterId);
    }

    private static void requireCurrent(Claim claim) {
        if (ReceivedArticle.latestRevision(claim.articleId) > claim.revision) {
            throw new ProblemException(409, "claim-superseded", "Claim superseded",
                    "The article has a newer revision; correct the claim of that revision");
        }
    }

    private static void setQuantity(Claim claim, Quantity q) {
        claim.quantityValue = q.value();
        claim.quantityLow = q.low();
        claim.quantityHigh = q.high();
        claim.quantityQualifier = q.qualifier().name();
        claim.quantityUnit = q.unit();
        claim.quantitySubject = q.subject();
        if (claim.quantityText == null) {
            // a figure a reviewer adds to a sentence extraction gave none: it stands for the whole sentence
            claim.quantityText = claim.text;
            claim.quantityStart = claim.start;
            claim.quantityEnd = claim.end;
        }
    }

    private static void clearQuantity(Claim claim) {
        claim.quantityValue = null;
        claim.quantityLow = null;
        claim.quantityHigh = null;
        claim.quantityQualifier = null;
        claim.quantityUnit = null;
        claim.quantitySubject = null;
        claim.quantityText = null;
        claim.quantityStart = null;
        claim.quantityEnd = null;
    }

    private static Map<String, Object> snapshot(Claim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type);
        m.put("quantity", c.quantity());
        m.put("speaker", c.speaker);
        m.put("places", c.places == null ? List.of() : Arrays.asList(c.places));
        m.put("status", c.status);
        return m;
    }

    private static List<String> ids(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }
}
