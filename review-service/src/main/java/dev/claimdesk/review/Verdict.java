package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One published version of a cluster's verdict; a correction is a new version, the old one kept as it was. */
@Entity
@Table(name = "verdict")
@IdClass(Verdict.Key.class)
public class Verdict extends PanacheEntityBase {

    public record Key(UUID id, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID id;
    @Id
    public int version;
    /** Position in the editors' feed, in commit order. */
    public long sequence;
    @Column(name = "cluster_id")
    public UUID clusterId;
    @Column(name = "task_id")
    public UUID taskId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "claim_ids")
    public UUID[] claimIds;
    @Column(name = "claim_reviewed")
    public String claimReviewed;
    /** The claim whose sentence {@link #claimReviewed} is; null for verdicts published before it was recorded. */
    @Column(name = "claim_reviewed_id")
    public UUID claimReviewedId;
    public String rating;
    /** Ratings of the claims whose figures disagree with {@link #claimReviewed}'s, each on its own; the rest take {@link #rating}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "claim_ratings")
    public List<ClaimRating> claimRatings = List.of();
    public String explanation;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Source> sources;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] reviewers;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "correction_of")
    public Integer correctionOf;
    public String reason;

    public static Verdict latest(UUID id) {
        return find("id = ?1 order by version desc", id).firstResult();
    }
}
