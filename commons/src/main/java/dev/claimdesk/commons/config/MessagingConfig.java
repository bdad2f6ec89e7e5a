package dev.claimdesk.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How a service talks to RabbitMQ: the queues it consumes and how its outbox relay publishes. */
@ConfigMapping(prefix = "claimdesk.messaging")
public interface MessagingConfig {

    /** Deliveries after which a message that keeps failing is dead-lettered. */
    @WithDefault("5")
    int deliveryLimit();

    /**
     * How long a consumer holds a message while the database cannot be reached, retrying, before it counts as a
     * failed delivery.
     */
    @WithDefault("PT2M")
    Duration databasePatience();

    /** Most messages a batched consumer applies in one transaction. */
    @WithDefault("64")
    int maxBatch();

    /**
     * How long a batched consumer waits after a batch's first message for more to take with it; none by default, for
     * consumers whose effect someone waits for.
     */
    @WithDefault("PT0S")
    Duration batchLinger();

    /** The queues this service consumes, by queue name; declared with their dead-letter queues at start. */
    Map<String, ConsumerQueue> consumers();

    Outbox outbox();

    Broker broker();

    interface ConsumerQueue {
        String exchange();

        String routingKey();

        Optional<Integer> deliveryLimit();
    }

    interface Outbox {
        /** Whether this instance relays outbox rows to the broker. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("200")
        int batchSize();

        /** Longest wait between two looks at the outbox when no commit wakes the relay. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        @WithDefault("PT10S")
        Duration confirmTimeout();

        /** How long a woken relay waits for more commits, so that a burst leaves as one confirmed batch. */
        @WithDefault("PT0.005S")
        Duration linger();
    }

    interface Broker {
        /** Seconds between AMQP heartbeats; a frozen connection is detected after about two of them. */
        @WithDefault("10")
        int heartbeatSeconds();

        @WithDefault("PT2S")
        Duration recoveryInterval();

        @WithDefault("PT5S")
        Duration connectTimeout();
    }
}
