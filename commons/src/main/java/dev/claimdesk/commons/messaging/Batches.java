package dev.claimdesk.commons.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The transport of a batched consumer ({@link Inbox#batched}): the connector hands each message to {@link #accept},
 * which only queues it, and one thread applies what is queued, in arrival order, a batch at a time. Acknowledging is
 * the thread's, after its batch commits; what is queued when the service stops is not acknowledged and the broker
 * delivers it again.
 */
public final class Batches<E> {

    /** More than any channel's {@code max-outstanding-messages}, so {@link #accept} never finds the queue full. */
    public static final int CAPACITY = 1024;

    private static final Logger LOG = Logger.getLogger(Batches.class);

    private final Inbox inbox;
    private final String consumer;
    private final Class<E> type;
    private final BatchHandler<E> handler;
    private final int maxBatch;
    private final BlockingQueue<Message<?>> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private volatile boolean running = true;

    Batches(Inbox inbox, String consumer, Class<E> type, BatchHandler<E> handler, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.inbox = inbox;
        this.consumer = consumer;
        this.type = type;
        this.handler = handler;
        this.maxBatch = maxBatch;
        this.worker = Thread.ofPlatform().daemon().name("inbox-" + consumer).start(this::applyForever);
    }

    /** Called on the connector's thread: queues the message and returns at once. */
    public CompletionStage<Void> accept(Message<?> message) {
        if (!running || !waiting.offer(message)) {
            // the channel lets more messages out than it should; the broker will offer this one again
            LOG.warnf("%s cannot take a message now (%s); it will be redelivered", consumer, running ? "queue full" : "stopping");
            return message.nack(new IllegalStateException(consumer + " cannot take a message now"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Lets the batch in hand commit, then stops; queued messages stay unacknowledged. */
    void close() {
        running = false;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void applyForever() {
        List<Message<?>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Message<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                inbox.deliverAll(consumer, batch, type, handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // deliverAll settles every message itself; this is a bug, and the messages are left to redelivery
                LOG.errorf(e, "Batch on %s failed unexpectedly; its %d messages will be redelivered", consumer, batch.size());
                batch.forEach(message -> message.nack(e));
            } finally {
                batch.clear();
            }
        }
    }
}
