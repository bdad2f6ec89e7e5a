package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One reviewer's rating of a task at one stage, with the explanation and evidence behind it. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "task_id")
    public UUID taskId;
    public String stage;
    public String reviewer;
    /** The claim rated: the task's lead when the rating was given. */
    @Column(name = "claim_id")
    public UUID claimId;
    public String rating;
    /** Ratings of the claims whose figures disagree with the rated claim's, each on its own. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "claim_ratings")
    public List<ClaimRating> claimRatings = List.of();
    public String explanation;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Source> sources;
    @Column(name = "submitted_at")
    public Instant submittedAt;
}
