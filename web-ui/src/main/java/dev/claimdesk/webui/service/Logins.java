package dev.claimdesk.webui.service;

import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Checks a username and password, for the login page and the token endpoint alike. Consecutive failures lock
 * the account for a while (answered 429 with Retry-After); every attempt is audited. Failures commit: the
 * counter and the audit line are the point.
 */
@ApplicationScoped
public class Logins {

    private final Passwords passwords;
    private final SecurityAudit audit;
    private final IdentityConfig config;

    Logins(Passwords passwords, SecurityAudit audit, IdentityConfig config) {
        this.passwords = passwords;
        this.audit = audit;
        this.config = config;
    }

    /** The account when the password is right, it is enabled and not locked; else a 401 or 429 problem. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Account check(String channel, String username, String password, String address) {
        String action = channel + ".password";
        Account account = username == null ? null
                : Account.<Account>find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (account == null) {
            passwords.matchDecoy(password);
            audit.record(new AuditEntry(username, action, username, "refused: unknown user", address, null));
            throw invalid();
        }
        Instant now = Instant.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            audit.record(new AuditEntry(username, action, username, "refused: locked", address, null));
            throw locked(Duration.between(now, account.lockedUntil));
        }
        if (!passwords.matches(password, account.passwordHash)) {
            account.failedLogins++;
            if (account.failedLogins >= config.lockout().maxFailures()) {
                account.lockedUntil = now.plus(config.lockout().duration());
                account.failedLogins = 0;
                audit.record(new AuditEntry(username, action, username, "refused: wrong password", address, null));
                audit.record(new AuditEntry(null, "account.lock", username, AuditEntry.SUCCESS, address,
                        config.lockout().maxFailures() + " failed logins in a row; locked until " + account.lockedUntil));
                throw locked(config.lockout().duration());
            }
            audit.record(new AuditEntry(username, action, username, "refused: wrong password", address,
                    "failure " + account.failedLogins + " of " + config.lockout().maxFailures()));
            throw invalid();
        }
        if (!account.enabled) {
            audit.record(new AuditEntry(username, action, username, "refused: disabled", address, null));
            throw invalid();
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        audit.record(AuditEntry.success(username, action, username, address));
        return account;
    }

    static ProblemException invalid() {
        return new ProblemException(Problem.of(401, "invalid-credentials", "Invalid credentials",
                "The username or password is wrong, or the account is disabled"));
    }

    private static ProblemException locked(Duration remaining) {
        return ProblemException.tooManyRequests("Too many failed logins: this account is locked for a while",
                Math.max(1, remaining.toSeconds()));
    }
}
