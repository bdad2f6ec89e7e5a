package dev.claimdesk.commons.messaging;

import dev.claimdesk.commons.config.MessagingConfig;
import dev.claimdesk.commons.persistence.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The transport side of every consumer: reads the message id and body, and applies the handler once per
 * message id (dedup record and effect in one transaction). A message that cannot be read is rejected to
 * its dead-letter queue at once; a handler failure is requeued, and after the queue's delivery limit the
 * broker dead-letters it, while later messages keep flowing. A database that cannot be reached is waited for.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedMessages processed;
    private final MeterRegistry metrics;

    private final Duration patience;

    Inbox(ProcessedMessages processed, MeterRegistry metrics, MessagingConfig config) {
        this.processed = processed;
        this.metrics = metrics;
        this.patience = config.databasePatience();
    }

    public <E> CompletionStage<Void> deliver(String consumer, Message<?> message, Class<E> type, EventHandler<E> handler) {
        String messageId = message.getMetadata(IncomingRabbitMQMetadata.class).flatMap(IncomingRabbitMQMetadata::getMessageId)
                .orElse(null);
        try {
            if (messageId == null) {
                throw new PoisonMessageException("no message-id", null);
            }
            E event = read(message.getPayload(), type);
            boolean applied = applyOnce(consumer, messageId, event, handler);
            metrics.counter("claimdesk.consumer.messages", "consumer", consumer, "outcome", applied ? "applied" : "duplicate")
                    .increment();
            return message.ack();
        } catch (PoisonMessageException e) {
            LOG.errorf("Dead-lettering message %s on %s: %s", messageId, consumer, e.getMessage());
            metrics.counter("claimdesk.consumer.messages", "consumer", consumer, "outcome", "poison").increment();
            return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(false)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Message %s on %s failed; it will be redelivered", messageId, consumer);
            metrics.counter("claimdesk.consumer.messages", "consumer", consumer, "outcome", "failed").increment();
            return message.nack(e);
        }
    }

    /**
     * Applies the event in one transaction with its dedup record. While the database cannot be reached the message
     * is held and the transaction retried, with backoff up to the configured patience: a restart of PostgreSQL must
     * not use up the message's delivery limit and send good work to the dead-letter queue.
     */
    private <E> boolean applyOnce(String consumer, String messageId, E event, EventHandler<E> handler) {
        long waited = 0;
        long backoff = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.claim(consumer, messageId)) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e) || waited >= patience.toMillis()) {
                    throw e;
                }
                if (waited == 0) {
                    LOG.warnf("Database unavailable for message %s on %s; holding it until it is back: %s", messageId, consumer,
                            e.toString());
                }
                metrics.counter("claimdesk.consumer.messages", "consumer", consumer, "outcome", "held").increment();
                sleep(backoff);
                waited += backoff;
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database was unavailable", interrupted);
        }
    }

    private static <E> E read(Object payload, Class<E> type) {
        byte[] body = payload instanceof byte[] bytes ? bytes : payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return EventReader.read(body, type);
    }
}
