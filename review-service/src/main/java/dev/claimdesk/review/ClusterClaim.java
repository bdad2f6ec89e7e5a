package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A claim of an article's latest revision as claims-service announced it, with the cluster it belongs to. */
@Entity
@Table(name = "cluster_claim")
public class ClusterClaim extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "article_id")
    public UUID articleId;
    public int revision;
    @Column(name = "cluster_id")
    public UUID clusterId;
    public String type;
    public String text;
    @Column(name = "start_offset")
    public int start;
    public double checkworthiness;
    /** Why it ranks where it does: the signals claims-service announced with it ("casualties +0.25"). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "checkworthiness_reasons")
    public java.util.List<dev.claimdesk.review.messaging.ClaimExtracted.Reason> checkworthinessReasons;
    /** A figure of people killed, wounded, missing or displaced. */
    public boolean casualties;
    /** One of the figures of a conflict between sources. */
    public boolean conflicted;
    public String language;
    /** Who said it, for a quote. */
    public String speaker;
    /** The article the claim was first told in: the article itself, or the one it is a copy of. */
    public UUID source;
    /** The value of its figure, for a STATISTIC announced with one. */
    public Double figure;
    /** The claims whose figures this one's conflicts with, as announced with it; see {@code Disagreements}. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "conflicts_with")
    public UUID[] conflictsWith = new UUID[0];
}
