package dev.claimdesk.commons.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
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

    private Batches<String> batches(int maxBatch, Duration linger) {
        return new Batches<>("test", batch -> delivered.add(batch.stream().<Object>map(Message::getPayload).toList()),
                maxBatch, linger);
    }

    @Test
    void shouldApplyWhatIsQueuedAtOnceWithoutALinger() throws InterruptedException {
        Batches<String> batches = batches(64, Duration.ZERO);
        try {
            batches.accept(Message.of("first"));
            assertEquals(List.of("first"), delivered.poll(5, TimeUnit.SECONDS));
            batches.accept(Message.of("second"));
            assertEquals(List.of("second"), delivered.poll(5, TimeUnit.SECONDS));
        } finally {
            batches.close();
        }
    }

    @Test
    void shouldTakeMessagesArrivingWithinTheLingerIntoTheSameBatch() throws InterruptedException {
        Batches<String> batches = batches(64, Duration.ofSeconds(2));
        try {
            batches.accept(Message.of("first"));
            Thread.sleep(300);
            assertNull(delivered.peek(), "the first waits for the linger");
            batches.accept(Message.of("second"));
            assertEquals(List.of("first", "second"), delivered.poll(10, TimeUnit.SECONDS));
        } finally {
            batches.close();
        }
    }

    @Test
    void shouldStopLingeringOnceTheBatchIsFull() throws InterruptedException {
        Batches<String> batches = batches(2, Duration.ofMinutes(5));
        try {
            batches.accept(Message.of("first"));
            batches.accept(Message.of("second"));
            batches.accept(Message.of("third"));
            assertEquals(List.of("first", "second"), delivered.poll(10, TimeUnit.SECONDS));
        } finally {
            batches.close();
        }
    }
}
