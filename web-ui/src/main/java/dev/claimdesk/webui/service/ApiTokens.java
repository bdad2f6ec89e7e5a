package dev.claimdesk.webui.service;

import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.webui.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Opaque tokens for scripts and machine clients, exchanged for JWTs with the roles an admin gave them. */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "cdk_";

    private final SecurityAudit audit;

    ApiTokens(SecurityAudit audit) {
        this.audit = audit;
    }

    /** A token and its secret; the secret is null when the form had created this token already (shown once, then). */
    public record Created(ApiToken token, String secret) {
    }

    @Transactional
    public Created create(String name, Set<String> roles, String actor, String address) {
        return create(name, roles, actor, address, null);
    }

    /** As {@link #create(String, Set, String, String)}, once per {@code formKey}: the same form sent again gets the token it made. */
    @Transactional
    public Created create(String name, Set<String> roles, String actor, String address, String formKey) {
        if (formKey != null) {
            ApiToken made = ApiToken.find("formKey", formKey).firstResult();
            if (made != null) {
                return new Created(made, null);
            }
        }
        Validation.require(name != null && !name.isBlank() && name.length() <= 100, "name", "1 to 100 characters");
        Validation.roles(roles);
        String secret = PREFIX + Secrets.random(32);
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name.strip();
        token.tokenHash = Secrets.sha256(secret);
        token.hint = secret.substring(0, PREFIX.length() + 4);
        token.roles = String.join(",", new java.util.TreeSet<>(roles));
        token.createdBy = actor;
        token.createdAt = Instant.now();
        token.formKey = formKey;
        token.persist();
        audit.record(new AuditEntry(actor, "api-token.create", token.id + " " + token.name, AuditEntry.SUCCESS, address,
                "roles " + token.roles));
        return new Created(token, secret);
    }

    public List<ApiToken> list() {
        return ApiToken.<ApiToken>listAll(io.quarkus.panache.common.Sort.by("createdAt").descending());
    }

    @Transactional
    public ApiToken revoke(UUID id, String actor, String address) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw ProblemException.notFound("API token", id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            token.revokedBy = actor;
            audit.record(new AuditEntry(actor, "api-token.revoke", token.id + " " + token.name, AuditEntry.SUCCESS, address, null));
        }
        return token;
    }

    /** The live token with this secret, its last use recorded; a 401 problem otherwise. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ApiToken exchange(String secret, String address) {
        ApiToken token = secret == null || !secret.startsWith(PREFIX) ? null
                : ApiToken.<ApiToken>find("tokenHash", (Object) Secrets.sha256(secret)).firstResult();
        if (token == null || token.revokedAt != null) {
            audit.record(new AuditEntry(token == null ? null : "token:" + token.name, "token.api-token",
                    token == null ? null : token.id.toString(),
                    token == null ? "refused: unknown token" : "refused: revoked", address, null));
            throw new ProblemException(Problem.of(401, "invalid-credentials", "Invalid credentials",
                    "The API token is unknown or revoked"));
        }
        token.lastUsedAt = Instant.now();
        return token;
    }
}
