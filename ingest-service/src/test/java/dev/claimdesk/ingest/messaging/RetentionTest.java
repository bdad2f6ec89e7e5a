package dev.claimdesk.ingest.messaging;

import dev.claimdesk.commons.retention.Retention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled clean-up against the real database: only what is past its retention goes, never an unsent event. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldDeleteSentOutboxRowsAppliedMessageIdsAndIdempotencyKeysPastTheirRetentionOnly() throws Exception {
        Instant now = Instant.now();
        UUID oldSent = outbox(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID freshSent = outbox(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        UUID oldUnsent = outbox(now.minus(Duration.ofDays(30)), null);
        String oldMessage = processed(now.minus(Duration.ofDays(15)));
        String freshMessage = processed(now.minus(Duration.ofDays(1)));
        String oldKey = idempotency(now.minus(Duration.ofDays(2)));
        String freshKey = idempotency(now.minus(Duration.ofHours(1)));

        var deleted = retention.cleanUp(now);

        assertTrue(deleted.get("outbox") >= 1 && deleted.get("processed_message") >= 1 && deleted.get("idempotency_key") >= 1,
                deleted.toString());
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE id = ?", oldSent));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE id = ?", freshSent));
        // the relay may send it meanwhile (to claimdesk.unroutable): then it is sent just now, and kept all the same
        // the relay may have sent it meanwhile (to claimdesk.unroutable): sent just now, it is kept all the same
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE id = ?", oldUnsent), "an event not sent yet is never deleted");
        assertEquals(0, count("SELECT count(*) FROM processed_message WHERE message_id = ?", oldMessage));
        assertEquals(1, count("SELECT count(*) FROM processed_message WHERE message_id = ?", freshMessage));
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", oldKey));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = ?", freshKey));
        sql("DELETE FROM outbox WHERE id = ?", oldUnsent);
    }

    private UUID outbox(Instant created, Instant sent) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO outbox (id, exchange, routing_key, payload, created_at, sent_at) VALUES (?, 'articles', 'retention.test', '{}', ?, ?)")) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(created));
            s.setTimestamp(3, sent == null ? null : Timestamp.from(sent));
            s.executeUpdate();
        }
        return id;
    }

    private String processed(Instant at) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ('retention-test', ?, ?)")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
        return id;
    }

    private String idempotency(Instant at) throws Exception {
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO idempotency_key (scope, key, request_hash, status, body, created_at) VALUES ('retention-test', ?, 'h', 200, '{}', ?)")) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
        return key;
    }

    private long count(String sql, Object value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void sql(String sql, Object value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            s.executeUpdate();
        }
    }
}
