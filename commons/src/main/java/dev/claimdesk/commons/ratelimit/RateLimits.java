package dev.claimdesk.commons.ratelimit;

import dev.claimdesk.commons.config.RateLimitConfig;
import dev.claimdesk.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configured limits ({@code claimdesk.rate-limits.<name>.*}); an unconfigured name is not limited. */
@ApplicationScoped
public class RateLimits {

    private final RateLimitConfig config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig config) {
        this.config = config;
    }

    /** Spends one request of {@code key} under limit {@code name}, or answers 429 with {@code Retry-After}. */
    public void check(String name, String key) {
        RateLimitConfig.Limit limit = config.limits().get(name);
        if (limit == null) {
            return;
        }
        TokenBucket bucket = buckets.computeIfAbsent(name, n -> new TokenBucket(limit.burst().orElse(limit.requests()),
                limit.requests() / (limit.period().toNanos() / 1e9), System::nanoTime));
        long retryAfter = bucket.tryAcquire(key);
        if (retryAfter > 0) {
            throw ProblemException.tooManyRequests("Too many requests for " + name + "; retry in " + retryAfter + " s", retryAfter);
        }
    }
}
