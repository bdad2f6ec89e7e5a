package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The review of one cluster: a claim told by five outlets is reviewed once. Waiting in the desk queue while it
 * has no assignee; each change raises {@code version} and is announced as task.updated.v1.
 */
@Entity
@Table(name = "task")
public class ReviewTask extends PanacheEntityBase {

    public static final String FIRST_REVIEW = "FIRST_REVIEW";
    public static final String SECOND_REVIEW = "SECOND_REVIEW";
    public static final String ESCALATED = "ESCALATED";
    public static final String DONE = "DONE";

    /** Status: waiting for a reviewer with the skill and room for it. */
    public static final String QUEUED = "QUEUED";
    public static final String ASSIGNED = "ASSIGNED";

    @Id
    public UUID id;
    @Column(name = "cluster_id")
    public UUID clusterId;
    public String stage;
    public String status;
    public String assignee;
    @Column(name = "first_reviewer")
    public String firstReviewer;
    @Column(name = "second_reviewer")
    public String secondReviewer;
    public double priority;
    @Column(name = "due_at")
    public Instant dueAt;
    /** What a reviewer must know to take it, from its claims' types. */
    public String skill;
    public String language;
    /** The claim the task is reviewed as: shown on the desk, named by each rating, published by the verdict. */
    @Column(name = "lead_claim_id")
    public UUID leadClaimId;
    @Column(name = "overdue_handled")
    public boolean overdueHandled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;
    /** The reviewer whose own corrections of the task's claims made its latest versions; see {@link #changedOnlyBy}. */
    @Column(name = "corrected_by")
    public String correctedBy;
    @Column(name = "corrected_from")
    public Long correctedFrom;
    @Column(name = "corrected_to")
    public Long correctedTo;

    public boolean open() {
        return !DONE.equals(stage);
    }

    /**
     * Whether every change since version {@code since} came from {@code reviewer}'s own corrections of the task's
     * claims: a rating they began at that version rates the task as they left it.
     */
    public boolean changedOnlyBy(String reviewer, long since) {
        return reviewer.equals(correctedBy) && correctedFrom != null && correctedTo != null && correctedTo == version
                && since >= correctedFrom && since < version;
    }

    /** Raises the version for a change of the task's claims, by {@code corrector}'s correction or (null) by news. */
    public void claimsChanged(String corrector) {
        long before = version++;
        if (corrector == null) {
            correctedBy = null;
        } else {
            if (!corrector.equals(correctedBy) || correctedTo == null || correctedTo != before) {
                correctedBy = corrector;
                correctedFrom = before;
            }
            correctedTo = version;
        }
    }
}
