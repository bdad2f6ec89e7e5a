package dev.claimdesk.webui.service;

import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.WebSession;
import dev.claimdesk.webui.config.IdentityConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Server-side sessions: created at login (always a new one), ended at logout, after the idle timeout, after the
 * absolute timeout, or when the account is disabled.
 */
@ApplicationScoped
public class Sessions {

    /** last_seen_at is written at most this often, so browsing is not one UPDATE per request. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    private final IdentityConfig config;

    Sessions(IdentityConfig config) {
        this.config = config;
    }

    public record Started(String secret, ActiveSession session) {
    }

    /** Opens a new session for the account; the secret goes into the cookie and nowhere else. */
    public Started start(Account account, String address, String userAgent) {
        String secret = Secrets.random(32);
        WebSession session = new WebSession();
        session.id = UUID.randomUUID();
        session.tokenHash = Secrets.sha256(secret);
        session.account = account;
        session.csrfToken = Secrets.random(32);
        session.address = address;
        session.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
        session.createdAt = Instant.now();
        session.lastSeenAt = session.createdAt;
        QuarkusTransaction.requiringNew().run(session::persist);
        return new Started(secret, view(session));
    }

    public Optional<ActiveSession> resolve(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebSession session = WebSession.<WebSession>find("tokenHash", (Object) Secrets.sha256(secret)).firstResult();
            if (session == null || session.endedAt != null) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            if (!session.account.enabled) {
                end(session, "account disabled");
                return Optional.empty();
            }
            if (session.lastSeenAt.plus(config.session().idleTimeout()).isBefore(now)) {
                end(session, "idle timeout");
                return Optional.empty();
            }
            if (session.createdAt.plus(config.session().absoluteTimeout()).isBefore(now)) {
                end(session, "absolute timeout");
                return Optional.empty();
            }
            if (session.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
                session.lastSeenAt = now;
            }
            return Optional.of(view(session));
        });
    }

    /** Ends the session with this cookie secret, if it is live. */
    public void endBySecret(String secret, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebSession session = WebSession.<WebSession>find("tokenHash", (Object) Secrets.sha256(secret)).firstResult();
            if (session != null && session.endedAt == null) {
                end(session, reason);
            }
        });
    }

    /** Ends every live session of the account, inside the caller's transaction. */
    public void endAllOf(Account account, String reason) {
        WebSession.update("endedAt = ?1, endReason = ?2 where account = ?3 and endedAt is null", Instant.now(), reason, account);
    }

    private static void end(WebSession session, String reason) {
        session.endedAt = Instant.now();
        session.endReason = reason;
    }

    private static ActiveSession view(WebSession session) {
        Account account = session.account;
        return new ActiveSession(session.id, account.username, account.displayName, account.roleSet(), session.csrfToken);
    }
}
