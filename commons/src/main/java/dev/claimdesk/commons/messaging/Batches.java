package dev.claimdesk.commons.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The transport of a batched consumer ({@link Inbox#batched}): the connector hands each message to {@link #accept},
 * which only queues it, and one thread applies what is queued, in arrival order, a batch at a time. With a linger, the
 * thread waits that long after a batch's first message for more, unless the batch fills first: fewer, larger
 * transactions where a consumer's effect is not waited for. Acknowledging is the thread's, after its batch commits;
 * what is queued when the service stops is not acknowledged and the broker delivers it again.
 */
public final class Batches {

    /** More than any channel's {@code max-outstanding-messages}, so {@link #accept} never finds the queue full. */
    public static final int CAPACITY = 1024;

    private static final Logger LOG = Logger.getLogger(Batches.class);
    /** How often an idle or lingering worker looks whether the service is stopping. */
    private static final long IDLE_POLL_MILLIS = 200;

    /** Applies one batch and settles each of its messages. */
    @FunctionalInterface
    interface Delivery {
        void deliverAll(List<Message<?>> batch);
    }

    private final String consumer;
    private final Delivery delivery;
    private final int maxBatch;
    private final long lingerNanos;
    private final BlockingQueue<Message<?>> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private volatile boolean running = true;

    Batches(String consumer, Delivery delivery, int maxBatch, Duration linger) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
        this.consumer = consumer;
        this.delivery = delivery;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
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
                Message<?> first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                linger(batch);
                delivery.deliverAll(batch);
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

    /**
     * Adds what arrives within the linger after the batch's first message, until the batch is full; a stop cuts the
     * linger short, looking at least every {@link #IDLE_POLL_MILLIS} ms.
     */
    private void linger(List<Message<?>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        long left;
        while (running && batch.size() < maxBatch && (left = deadline - System.nanoTime()) > 0) {
            Message<?> next = waiting.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS)),
                    TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
                waiting.drainTo(batch, maxBatch - batch.size());
            }
        }
    }
}
