package dev.claimdesk.commons.messaging;

import dev.claimdesk.commons.config.MessagingConfig;
import dev.claimdesk.commons.persistence.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transport side of every consumer: reads the message id and body, and applies the handler once per
 * message id (dedup record and effect in one transaction). A message that cannot be read is rejected to
 * its dead-letter queue at once; a handler failure is requeued, and after the queue's delivery limit the
 * broker dead-letters it, while later messages keep flowing. A database that cannot be reached is waited for.
 * A consumer of many light messages takes them in batches ({@link #batched}), with the same guarantees per message.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedMessages processed;
    private final MeterRegistry metrics;

    private final Duration patience;
    private final int maxBatch;
    private final Duration batchLinger;
    private final List<Batches> batching = new CopyOnWriteArrayList<>();

    Inbox(ProcessedMessages processed, MeterRegistry metrics, MessagingConfig config) {
        this.processed = processed;
        this.metrics = metrics;
        this.patience = config.databasePatience();
        this.maxBatch = config.maxBatch();
        this.batchLinger = config.batchLinger();
    }

    public <E> CompletionStage<Void> deliver(String consumer, Message<?> message, Class<E> type, EventHandler<E> handler) {
        String messageId = messageId(message);
        E event;
        try {
            event = read(messageId, message.getPayload(), type);
        } catch (PoisonMessageException e) {
            return reject(consumer, message, messageId, e);
        }
        return apply(consumer, new Received<>(message, messageId, event), handler);
    }

    /**
     * A consumer whose messages are many and whose handler is light: what has arrived while the previous batch was
     * being applied, up to {@code maxBatch} messages, is applied in one transaction with its dedup records, each message
     * acknowledged after the commit ({@code claimdesk.messaging.max-batch}), and with {@code batch-linger} what arrives
     * that soon after the batch's first message. The handler is given the batch's events
     * seen for the first time, so it can read and write for all of them at once. The channel must bound its
     * unacknowledged messages ({@code max-outstanding-messages}) to no more than {@link Batches#CAPACITY}.
     */
    public <E> Batches batched(String consumer, Class<E> type, BatchHandler<E> handler) {
        Batches batches = new Batches(consumer, batch -> deliverAll(consumer, batch, type, handler), maxBatch,
                batchLinger);
        batching.add(batches);
        return batches;
    }

    void onStop(@Observes ShutdownEvent event) {
        batching.forEach(Batches::close);
    }

    /**
     * Applies messages taken together in one transaction. Unreadable ones are dead-lettered first; if the transaction
     * fails, each message is applied on its own, so only the one at fault is retried or dead-lettered.
     */
    <E> void deliverAll(String consumer, List<Message<?>> messages, Class<E> type, BatchHandler<E> handler) {
        List<Received<E>> readable = new ArrayList<>(messages.size());
        for (Message<?> message : messages) {
            String messageId = messageId(message);
            try {
                readable.add(new Received<>(message, messageId, read(messageId, message.getPayload(), type)));
            } catch (PoisonMessageException e) {
                reject(consumer, message, messageId, e);
            }
        }
        EventHandler<E> alone = event -> handler.handleAll(List.of(event));
        if (readable.size() <= 1) {
            readable.forEach(received -> apply(consumer, received, alone));
            return;
        }
        List<Boolean> applied;
        try {
            applied = withPatience(consumer, readable.getFirst().messageId(), () -> {
                Set<String> fresh = processed.claimAll(consumer, readable.stream().map(Received::messageId).toList());
                List<Boolean> outcome = new ArrayList<>(readable.size());
                List<E> events = new ArrayList<>(fresh.size());
                for (Received<E> received : readable) {
                    boolean first = fresh.remove(received.messageId());
                    if (first) {
                        events.add(received.event());
                    }
                    outcome.add(first);
                }
                if (!events.isEmpty()) {
                    handler.handleAll(events);
                }
                return outcome;
            });
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causes(e)) {
                LOG.warnf("Database unavailable past patience; %d messages on %s will be redelivered", readable.size(), consumer);
                readable.forEach(received -> fail(consumer, received, e));
                return;
            }
            LOG.debugf(e, "A batch of %d on %s failed; applying them one by one", readable.size(), consumer);
            readable.forEach(received -> apply(consumer, received, alone));
            return;
        }
        for (int i = 0; i < readable.size(); i++) {
            count(consumer, applied.get(i) ? "applied" : "duplicate");
            readable.get(i).message().ack();
        }
    }

    private <E> CompletionStage<Void> apply(String consumer, Received<E> received, EventHandler<E> handler) {
        try {
            boolean applied = withPatience(consumer, received.messageId(), () -> {
                if (!processed.claim(consumer, received.messageId())) {
                    return false;
                }
                handler.handle(received.event());
                return true;
            });
            count(consumer, applied ? "applied" : "duplicate");
            return received.message().ack();
        } catch (PoisonMessageException e) {
            return reject(consumer, received.message(), received.messageId(), e);
        } catch (RuntimeException e) {
            return fail(consumer, received, e);
        }
    }

    private CompletionStage<Void> reject(String consumer, Message<?> message, String messageId, PoisonMessageException e) {
        LOG.errorf("Dead-lettering message %s on %s: %s", messageId, consumer, e.getMessage());
        count(consumer, "poison");
        return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(false)));
    }

    private CompletionStage<Void> fail(String consumer, Received<?> received, RuntimeException e) {
        LOG.warnf(e, "Message %s on %s failed; it will be redelivered", received.messageId(), consumer);
        count(consumer, "failed");
        return received.message().nack(e);
    }

    private void count(String consumer, String outcome) {
        metrics.counter("claimdesk.consumer.messages", "consumer", consumer, "outcome", outcome).increment();
    }

    private static String messageId(Message<?> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class).flatMap(IncomingRabbitMQMetadata::getMessageId).orElse(null);
    }

    private record Received<E>(Message<?> message, String messageId, E event) {
    }

    /**
     * Runs the work in a new transaction. While the database cannot be reached the messages are held and the
     * transaction retried, with backoff up to the configured patience: a restart of PostgreSQL must not use up a
     * message's delivery limit and send good work to the dead-letter queue.
     */
    private <T> T withPatience(String consumer, String messageId, Callable<T> work) {
        long waited = 0;
        long backoff = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e) || waited >= patience.toMillis()) {
                    throw e;
                }
                if (waited == 0) {
                    LOG.warnf("Database unavailable for message %s on %s; holding it until it is back: %s", messageId, consumer,
                            e.toString());
                }
                count(consumer, "held");
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

    private static <E> E read(String messageId, Object payload, Class<E> type) {
        if (messageId == null) {
            throw new PoisonMessageException("no message-id", null);
        }
        byte[] body = payload instanceof byte[] bytes ? bytes : payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return EventReader.read(body, type);
    }
}
