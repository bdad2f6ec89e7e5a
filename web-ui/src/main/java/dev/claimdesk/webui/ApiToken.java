package dev.claimdesk.webui;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An opaque token a script exchanges for JWTs with the roles given here; only its hash is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    /** The token's first characters, so an admin can tell tokens apart without the secret. */
    public String hint;
    public String roles;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    /** The one-time key of the page form that created it, if a form did. */
    @Column(name = "form_key")
    public String formKey;

    public Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }
}
