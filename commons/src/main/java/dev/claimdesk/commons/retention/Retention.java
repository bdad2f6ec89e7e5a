package dev.claimdesk.commons.retention;

import dev.claimdesk.commons.config.RetentionConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes what every service keeps only for a while: sent outbox rows, applied message ids and Idempotency-Key
 * responses past their retention, in batches, on a schedule. Unsent outbox rows are never touched. Instances may
 * run it side by side: each batch deletes what is still there.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final AgroalDataSource dataSource;
    private final RetentionConfig config;
    private final MeterRegistry metrics;

    Retention(AgroalDataSource dataSource, RetentionConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${claimdesk.retention.interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Map<String, Long> deleted = cleanUp(Instant.now());
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                LOG.infof("Retention clean-up deleted %s", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; nothing is lost by a clean-up that did not run
            LOG.warnf("Retention clean-up failed: %s", e.toString());
        }
    }

    /** Deletes everything past its retention as of {@code now}; answers the rows deleted per table. */
    public Map<String, Long> cleanUp(Instant now) throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("outbox", delete("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT ?)",
                now, config.sentOutbox()));
        deleted.put("processed_message", delete("DELETE FROM processed_message WHERE ctid IN "
                + "(SELECT ctid FROM processed_message WHERE processed_at < ? LIMIT ?)", now, config.processedMessages()));
        deleted.put("idempotency_key", delete("DELETE FROM idempotency_key WHERE ctid IN "
                + "(SELECT ctid FROM idempotency_key WHERE created_at < ? LIMIT ?)", now, config.idempotencyKeys()));
        deleted.forEach((table, n) -> metrics.counter("claimdesk.retention.deleted", "table", table).increment(n));
        return deleted;
    }

    private long delete(String sql, Instant now, Duration keep) throws SQLException {
        Timestamp before = Timestamp.from(now.minus(keep));
        long total = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int batch;
            do {
                statement.setTimestamp(1, before);
                statement.setInt(2, config.batchSize());
                batch = statement.executeUpdate();
                total += batch;
            } while (batch == config.batchSize());
        }
        return total;
    }
}
