package dev.claimdesk.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A web-ui user with role reviewer, as the desk routes to them: skills, languages, how many open tasks at most. */
@Entity
@Table(name = "reviewer")
public class Reviewer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] languages;
    public int capacity;
    public boolean active;
    /** Takes escalated tasks, where two reviewers disagreed. */
    public boolean senior;
    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;
    public long version;

    public static Reviewer byUsername(String username) {
        return find("username", username).firstResult();
    }
}
