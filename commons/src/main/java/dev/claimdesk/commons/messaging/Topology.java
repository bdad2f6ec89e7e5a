package dev.claimdesk.commons.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.claimdesk.commons.config.MessagingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Declares the contract's exchanges and this service's consumer queues when the service starts, and
 * keeps trying in the background while the broker is away. Nothing is published before it is done.
 */
@ApplicationScoped
public class Topology {

    private static final Logger LOG = Logger.getLogger(Topology.class);

    private final BrokerConnection broker;
    private final MessagingConfig config;
    private volatile boolean declared;
    private volatile boolean stopping;
    private Thread retry;

    Topology(BrokerConnection broker, MessagingConfig config) {
        this.broker = broker;
        this.config = config;
    }

    /** Before anything else starts, so consumers find their queues and bindings in place. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!tryDeclare()) {
            retry = Thread.ofPlatform().daemon().name("topology-declare").start(this::retryUntilDeclared);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (retry != null) {
            retry.interrupt();
        }
    }

    public boolean isDeclared() {
        return declared;
    }

    private void retryUntilDeclared() {
        while (!declared && !stopping) {
            try {
                Thread.sleep(config.broker().recoveryInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            tryDeclare();
        }
    }

    private boolean tryDeclare() {
        try (Channel channel = broker.openChannel()) {
            declare(channel, config);
            declared = true;
            LOG.infof("RabbitMQ topology declared (consumer queues: %s)", config.consumers().keySet());
            return true;
        } catch (Exception e) {
            // The broker's reason (ACCESS_REFUSED, PRECONDITION_FAILED...) travels in the cause.
            LOG.warnf("RabbitMQ topology not declared yet: %s%s", e.toString(), e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            return false;
        }
    }

    /** Declares everything idempotently; the connection re-declares it after a recovery. */
    static void declare(Channel channel, MessagingConfig config) throws java.io.IOException {
        channel.exchangeDeclare(Exchanges.UNROUTABLE, BuiltinExchangeType.FANOUT, true);
        channel.queueDeclare(Exchanges.UNROUTABLE, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(Exchanges.UNROUTABLE, Exchanges.UNROUTABLE, "");
        channel.exchangeDeclare(Exchanges.DEAD_LETTER, BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(Exchanges.REDRIVE, BuiltinExchangeType.DIRECT, true);
        for (String exchange : Exchanges.CONTRACT) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", Exchanges.UNROUTABLE));
        }
        for (var entry : config.consumers().entrySet()) {
            String queue = entry.getKey();
            MessagingConfig.ConsumerQueue spec = entry.getValue();
            String deadLetters = queue + Exchanges.DEAD_LETTER_QUEUE_SUFFIX;
            channel.queueDeclare(deadLetters, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(deadLetters, Exchanges.DEAD_LETTER, queue);
            channel.queueDeclare(queue, true, false, false, Map.of(
                    "x-queue-type", "quorum",
                    "x-delivery-limit", spec.deliveryLimit().orElse(config.deliveryLimit()),
                    "x-dead-letter-exchange", Exchanges.DEAD_LETTER,
                    "x-dead-letter-routing-key", queue,
                    "x-dead-letter-strategy", "at-least-once",
                    "x-overflow", "reject-publish"));
            channel.queueBind(queue, spec.exchange(), spec.routingKey());
            channel.queueBind(queue, Exchanges.REDRIVE, queue);
        }
    }
}
