package dev.claimdesk.commons.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * The transport side of every consumer: reads the message id and body, and applies the handler once per
 * message id (dedup record and effect in one transaction). A message that cannot be read is rejected to
 * its dead-letter queue at once; a handler failure is requeued, and after the queue's delivery limit the
 * broker dead-letters it, while later messages keep flowing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedMessages processed;
    private final MeterRegistry metrics;

    Inbox(ProcessedMessages processed, MeterRegistry metrics) {
        this.processed = processed;
        this.metrics = metrics;
    }

    public <E> CompletionStage<Void> deliver(String consumer, Message<?> message, Class<E> type, EventHandler<E> handler) {
        String messageId = message.getMetadata(IncomingRabbitMQMetadata.class).flatMap(IncomingRabbitMQMetadata::getMessageId)
                .orElse(null);
        try {
            if (messageId == null) {
                throw new PoisonMessageException("no message-id", null);
            }
            E event = read(message.getPayload(), type);
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!processed.claim(consumer, messageId)) {
                    return false;
                }
                handler.handle(event);
                return true;
            });
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

    private static <E> E read(Object payload, Class<E> type) {
        byte[] body = payload instanceof byte[] bytes ? bytes : payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return EventReader.read(body, type);
    }
}
