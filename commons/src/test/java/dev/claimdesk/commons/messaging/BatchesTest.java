package dev.claimdesk.commons.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BatchesTest {

    private final BlockingQueue<List<Object>> delivered = new LinkedBlockingQueue<>();
    private Batches batches;

    private void start(int maxBatch, Duration linger) {
        batches = new Batches("test", batch -> delivered.add(batch.stream().<Object>map(Message::getPayload).toList()),
                maxBatch, linger);
    }

    @AfterEach
    void stop() {
        batches.close();
    }

    @Test
    void shouldApplyWhatIsQueuedAtOnceWithoutALinger() throws InterruptedException {
        start(64, Duration.ZERO);
        batches.accept(Message.of("first"));
        assertEquals(List.of("first"), delivered.poll(5, TimeUnit.SECONDS));
        batches.accept(Message.of("second"));
        assertEquals(List.of("second"), delivered.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldTakeMessagesArrivingWithinTheLingerIntoTheSameBatch() throws InterruptedException {
        start(64, Duration.ofSeconds(2));
        batches.accept(Message.of("first"));
        Thread.sleep(300);
        assertNull(delivered.peek(), "the first waits for the linger");
        batches.accept(Message.of("second"));
        assertEquals(List.of("first", "second"), delivered.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldStopLingeringOnceTheBatchIsFull() throws InterruptedException {
        start(2, Duration.ofMinutes(5));
        batches.accept(Message.of("first"));
        batches.accept(Message.of("second"));
        batches.accept(Message.of("third"));
        assertEquals(List.of("first", "second"), delivered.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldApplyTheLingeringBatchWhenStopping() throws InterruptedException {
        start(64, Duration.ofMinutes(5));
        batches.accept(Message.of("first"));
        Thread.sleep(300);
        batches.close();
        assertEquals(List.of("first"), delivered.poll(1, TimeUnit.SECONDS), "the stop cut the linger short");
    }
}
