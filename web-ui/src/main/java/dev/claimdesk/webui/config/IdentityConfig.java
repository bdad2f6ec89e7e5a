package dev.claimdesk.webui.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Accounts, tokens and sessions of web-ui ({@code claimdesk.identity.*}). */
@ConfigMapping(prefix = "claimdesk.identity")
public interface IdentityConfig {

    /** Lifetime of the JWTs of POST /api/auth/token; at most 5 minutes. */
    @WithDefault("5M")
    Duration tokenLifespan();

    /** bcrypt cost factor (2^cost rounds). */
    @WithDefault("12")
    int bcryptCost();

    Lockout lockout();

    Session session();

    /** The first admin, created at start when no admin exists: CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD. */
    BootstrapAdmin bootstrapAdmin();

    interface Lockout {
        /** Consecutive failed logins that lock an account. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15M")
        Duration duration();
    }

    interface Session {
        @WithDefault("30M")
        Duration idleTimeout();

        @WithDefault("12H")
        Duration absoluteTimeout();
    }

    interface BootstrapAdmin {
        Optional<String> username();

        Optional<String> password();
    }
}
