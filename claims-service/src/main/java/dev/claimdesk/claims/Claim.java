package dev.claimdesk.claims;

import dev.claimdesk.claims.extraction.CheckWorthiness;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ClaimType;
import dev.claimdesk.claims.extraction.Quantity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A checkable statement of one article revision, with what its type carries and the cluster it joins. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    /** The status of a claim a reviewer dismissed: it stays so whatever its cluster does. */
    public static final String DISMISSED = "DISMISSED";

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    public int revision;
    public String type;
    public String text;
    @Column(name = "start_offset")
    public int start;
    @Column(name = "end_offset")
    public int end;
    @Column(name = "q_value")
    public Double quantityValue;
    @Column(name = "q_low")
    public Double quantityLow;
    @Column(name = "q_high")
    public Double quantityHigh;
    @Column(name = "q_qualifier")
    public String quantityQualifier;
    @Column(name = "q_unit")
    public String quantityUnit;
    @Column(name = "q_subject")
    public String quantitySubject;
    @Column(name = "q_text")
    public String quantityText;
    @Column(name = "q_start")
    public Integer quantityStart;
    @Column(name = "q_end")
    public Integer quantityEnd;
    public String speaker;
    public String attribution;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] places;
    public String actor;
    public double checkworthiness;
    /** The signals that made {@link #checkworthiness}, each with its weight. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "checkworthiness_reasons")
    public List<CheckWorthiness.Reason> checkworthinessReasons;
    @Column(name = "cluster_id")
    public UUID clusterId;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    /** What extraction made of the claim (type, sentence, figure), whatever reviewers corrected since. */
    @Column(name = "extracted_as")
    public String extractedAs;
    /** Whether a reviewer corrected type, figure, speaker or places: a re-extraction carries that over. */
    public boolean corrected;
    /** The sentence's embedding, for clustering. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public float[] embedding;

    /** Takes over what reviewers corrected on the same claim of an earlier revision. */
    public void correctAs(Claim earlier) {
        type = earlier.type;
        quantityValue = earlier.quantityValue;
        quantityLow = earlier.quantityLow;
        quantityHigh = earlier.quantityHigh;
        quantityQualifier = earlier.quantityQualifier;
        quantityUnit = earlier.quantityUnit;
        quantitySubject = earlier.quantitySubject;
        if (earlier.quantityStart != null && quantityStart == null) {
            quantityText = earlier.quantityText;
            quantityStart = start + (earlier.quantityStart - earlier.start);
            quantityEnd = start + (earlier.quantityEnd - earlier.start);
        }
        speaker = earlier.speaker;
        places = earlier.places;
        corrected = true;
    }

    public ClaimSimilarity.Features features() {
        return ClaimSimilarity.features(ClaimType.valueOf(type), text, speaker, places == null ? List.of() : Arrays.asList(places),
                actor, quantity(), embedding);
    }

    /** The figure this claim states, or null. */
    public Quantity quantity() {
        return quantityValue == null ? null : new Quantity(quantityValue, quantityLow, quantityHigh,
                Quantity.Qualifier.valueOf(quantityQualifier), quantityUnit, quantitySubject, quantityText,
                quantityStart, quantityEnd);
    }
}
