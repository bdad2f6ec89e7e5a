package dev.claimdesk.commons.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a client address, a user): {@code capacity} requests at once, refilled at
 * {@code refillPerSecond}. Buckets that have filled up again are forgotten, so idle keys cost no memory.
 */
public final class TokenBucket {

    private static final int SWEEP_EVERY = 1024;

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, State> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public TokenBucket(int capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be 1 or more and the refill rate positive");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoClock = nanoClock;
    }

    private record State(double tokens, long at) {
    }

    /** Takes one request from the key's bucket: 0 when allowed, else the seconds until one is available again. */
    public long tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        long[] wait = {0};
        buckets.compute(key, (k, state) -> {
            double tokens = state == null ? capacity : Math.min(capacity, state.tokens + (now - state.at) * refillPerNano);
            if (tokens >= 1) {
                return new State(tokens - 1, now);
            }
            wait[0] = (long) Math.ceil((1 - tokens) / refillPerNano / 1e9);
            return new State(tokens, now);
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return wait[0] == 0 ? 0 : Math.max(1, wait[0]);
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().tokens + (now - e.getValue().at) * refillPerNano >= capacity);
    }

    int size() {
        return buckets.size();
    }
}
