package dev.claimdesk.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A reviewer's correction of extraction (append-only): edit, dismissal, split or merge, with who and why. */
@Entity
@Immutable
@Table(name = "correction")
public class Correction extends PanacheEntityBase {

    public enum Kind { EDIT, DISMISS, RESTORE, SPLIT, MERGE }

    @Id
    public UUID id;
    public Instant at;
    public String actor;
    public String kind;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "cluster_id")
    public UUID clusterId;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

    public static Correction record(Kind kind, String actor, UUID claimId, UUID clusterId, String reason,
                                    Map<String, Object> before, Map<String, Object> after) {
        Correction c = new Correction();
        c.id = UUID.randomUUID();
        c.at = Instant.now();
        c.actor = actor;
        c.kind = kind.name();
        c.claimId = claimId;
        c.clusterId = clusterId;
        c.reason = reason;
        c.before = before;
        c.after = after;
        c.persist();
        return c;
    }
}
