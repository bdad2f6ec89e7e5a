package dev.claimdesk.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Token-bucket limits by name, e.g. {@code claimdesk.rate-limits.ingest.requests=6000} with
 * {@code claimdesk.rate-limits.ingest.period=1M}: a client may spend {@code burst} requests at once and
 * earns {@code requests} back per {@code period}. Limits are per instance.
 */
@ConfigMapping(prefix = "claimdesk.rate-limits")
public interface RateLimitConfig {

    @WithParentName
    Map<String, Limit> limits();

    interface Limit {
        int requests();

        @WithDefault("1M")
        Duration period();

        /** Requests allowed at once; {@code requests} when unset. */
        Optional<Integer> burst();
    }
}
