package dev.claimdesk.webui;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A person or client that signs in: its roles decide what every service lets it do. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "password_hash")
    public String passwordHash;
    /** Comma-separated, from {@link dev.claimdesk.commons.security.Roles}. */
    public String roles;
    public boolean enabled;
    @Column(name = "failed_logins")
    public int failedLogins;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    public Set<String> roleSet() {
        return roles == null || roles.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    public void roleSet(Set<String> values) {
        roles = String.join(",", new TreeSet<>(values));
    }

    public static Optional<Account> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static boolean anyEnabledAdmin() {
        return Account.<Account>stream("enabled", true).anyMatch(a -> a.roleSet().contains(dev.claimdesk.commons.security.Roles.ADMIN));
    }
}
