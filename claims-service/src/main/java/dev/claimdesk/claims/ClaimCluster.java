package dev.claimdesk.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The same claim told by one or more articles; once merged, it points at the cluster that took its claims. */
@Entity
@Table(name = "claim_cluster")
public class ClaimCluster extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "verdict_id")
    public UUID verdictId;
    @Column(name = "verdict_rating")
    public String verdictRating;
    /** The claims the verdict rated on their own (their figures disagreed with the claim reviewed): claim id → rating. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "verdict_claim_ratings")
    public java.util.Map<UUID, String> verdictClaimRatings = new java.util.HashMap<>();
    @Column(name = "verdict_version")
    public Integer verdictVersion;
    @Column(name = "verdict_sequence")
    public Long verdictSequence;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "task_status")
    public String taskStatus;
    @Column(name = "task_version")
    public Long taskVersion;
    /** Split or merged by reviewers: clustering leaves its shape alone. */
    public boolean curated;

    public static ClaimCluster create(Instant at) {
        ClaimCluster cluster = new ClaimCluster();
        cluster.id = UUID.randomUUID();
        cluster.createdAt = at;
        cluster.persist();
        return cluster;
    }

    public boolean decided() {
        return verdictId != null;
    }

    /** A verdict or reviewers' hands fixed this cluster's shape: never absorbed by an automatic merge. */
    public boolean settled() {
        return decided() || curated;
    }

    /** The status a claim of this cluster shows: VERDICT once decided, IN_REVIEW while a task is open. */
    public String claimStatus() {
        if (decided()) {
            return "VERDICT";
        }
        return taskStatus != null && !CLOSED_TASK.contains(taskStatus) ? "IN_REVIEW" : "PENDING";
    }

    private static final java.util.Set<String> CLOSED_TASK = java.util.Set.of("DONE", "CLOSED", "CANCELLED", "PUBLISHED");
}
