package dev.claimdesk.webui.service;

import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.config.IdentityConfig;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts as admins manage them: created, given roles, disabled and re-enabled; every change audited. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final Passwords passwords;
    private final PasswordPolicy policy = PasswordPolicy.withBundledList();
    private final SecurityAudit audit;
    private final Sessions sessions;
    private final IdentityConfig config;

    Accounts(Passwords passwords, SecurityAudit audit, Sessions sessions, IdentityConfig config) {
        this.passwords = passwords;
        this.audit = audit;
        this.sessions = sessions;
        this.config = config;
    }

    public record NewAccount(String username, String displayName, String password, Set<String> roles) {
    }

    public record Change(String displayName, Set<String> roles, Boolean enabled, String password) {
    }

    /** The first admin, from the environment, when the database has no enabled admin yet. */
    @Transactional
    void createFirstAdmin(@Observes StartupEvent event) {
        if (Account.anyEnabledAdmin()) {
            return;
        }
        var bootstrap = config.bootstrapAdmin();
        if (bootstrap.username().isEmpty() || bootstrap.password().isEmpty()) {
            LOG.warn("No admin account exists: set CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME and "
                    + "CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD and restart web-ui to create the first one");
            return;
        }
        if (Account.byUsername(bootstrap.username().get()).isPresent()) {
            LOG.warnf("No enabled admin exists and the account %s is taken; not creating the first admin", bootstrap.username().get());
            return;
        }
        create(new NewAccount(bootstrap.username().get(), "Administrator", bootstrap.password().get(), Set.of(Roles.ADMIN)),
                "bootstrap", null);
        LOG.infof("Created the first admin account %s from the environment", bootstrap.username().get());
    }

    /**
     * Refuses, as {@link #create} would, an account that cannot be made: a bad username, roles or password (400, each
     * field named once) or a username taken (409). Nothing is stored.
     */
    public void check(NewAccount request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(new Problem.FieldError("username", "2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit"));
        }
        if (request.roles() == null || request.roles().isEmpty() || !Roles.ALL.containsAll(request.roles())) {
            errors.add(new Problem.FieldError("roles", "one or more of " + Roles.ALL));
        }
        policy.problems(request.username(), request.password())
                .forEach(p -> errors.add(new Problem.FieldError("password", p)));
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        if (Account.byUsername(request.username()).isPresent()) {
            throw new ProblemException(409, "username-taken", "Username taken", "An account named " + request.username() + " exists");
        }
    }

    @Transactional
    public Account create(NewAccount request, String actor, String address) {
        check(request);
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = request.username();
        account.displayName = request.displayName() == null || request.displayName().isBlank()
                ? request.username() : request.displayName().strip();
        account.passwordHash = passwords.hash(request.password());
        account.roleSet(request.roles());
        account.enabled = true;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        account.passwordChangedAt = account.createdAt;
        account.persist();
        audit.record(new AuditEntry(actor, "user.create", account.username, AuditEntry.SUCCESS, address, "roles " + account.roles));
        return account;
    }

    @Transactional
    public Account change(String username, Change change, String actor, String address) {
        Account account = Account.byUsername(username).orElseThrow(() -> ProblemException.notFound("User", username));
        if (change.roles() != null) {
            Validation.roles(change.roles());
            if (!change.roles().contains(Roles.ADMIN)) {
                refuseRemovingLastAdmin(account);
            }
            String before = account.roles;
            account.roleSet(change.roles());
            audit.record(new AuditEntry(actor, "user.roles", username, AuditEntry.SUCCESS, address, before + " -> " + account.roles));
        }
        if (change.displayName() != null) {
            Validation.require(!change.displayName().isBlank() && change.displayName().length() <= 200, "displayName", "1 to 200 characters");
            account.displayName = change.displayName().strip();
            audit.record(new AuditEntry(actor, "user.display-name", username, AuditEntry.SUCCESS, address, null));
        }
        if (change.password() != null) {
            List<String> problems = policy.problems(username, change.password());
            if (!problems.isEmpty()) {
                throw Validation.invalid(problems.stream().map(p -> new Problem.FieldError("password", p)).toList());
            }
            account.passwordHash = passwords.hash(change.password());
            account.passwordChangedAt = Instant.now();
            account.failedLogins = 0;
            account.lockedUntil = null;
            sessions.endAllOf(account, "password changed");
            audit.record(new AuditEntry(actor, "user.password", username, AuditEntry.SUCCESS, address, null));
        }
        if (change.enabled() != null && change.enabled() != account.enabled) {
            if (!change.enabled()) {
                refuseRemovingLastAdmin(account);
                sessions.endAllOf(account, "account disabled");
            } else {
                account.failedLogins = 0;
                account.lockedUntil = null;
            }
            account.enabled = change.enabled();
            audit.record(new AuditEntry(actor, change.enabled() ? "user.enable" : "user.disable", username,
                    AuditEntry.SUCCESS, address, null));
        }
        account.updatedAt = Instant.now();
        return account;
    }

    public List<Account> list(int page, int size) {
        return Account.findAll(Sort.by("username")).page(Page.of(page, size)).list();
    }

    public long count() {
        return Account.count();
    }

    public Account get(String username) {
        return Account.byUsername(username).orElseThrow(() -> ProblemException.notFound("User", username));
    }

    private static void refuseRemovingLastAdmin(Account account) {
        if (account.enabled && account.roleSet().contains(Roles.ADMIN)
                && Account.<Account>stream("enabled", true).filter(a -> a.roleSet().contains(Roles.ADMIN)).count() <= 1) {
            throw new ProblemException(409, "last-admin", "Last admin",
                    "At least one enabled admin must remain; make another admin first");
        }
    }
}
