package dev.claimdesk.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long each service keeps the records that only matter for a while, so its tables do not grow without bound. */
@ConfigMapping(prefix = "claimdesk.retention")
public interface RetentionConfig {

    /** Outbox rows the broker confirmed: kept this long for tracing what was sent, then deleted. */
    @WithDefault("P7D")
    Duration sentOutbox();

    /**
     * Message ids consumers applied. A message redelivered after this long would be applied again, so this must
     * outlast any broker backlog: two weeks against queues that drain in minutes.
     */
    @WithDefault("P14D")
    Duration processedMessages();

    /** Responses kept for Idempotency-Key replays: a client retries within this, as Stripe's keys allow a day. */
    @WithDefault("P1D")
    Duration idempotencyKeys();

    /** How often the clean-up runs. */
    @WithDefault("1h")
    String interval();

    /** Rows deleted per statement, so a first clean-up of a large table takes no long lock. */
    @WithDefault("5000")
    int batchSize();
}
