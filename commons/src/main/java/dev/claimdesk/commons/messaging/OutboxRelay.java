package dev.claimdesk.commons.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.claimdesk.commons.config.MessagingConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox rows to RabbitMQ: persistent, mandatory, with publisher confirms. A row is marked sent
 * only in the transaction that saw the broker confirm it; rows are locked with SKIP LOCKED so several
 * instances can relay side by side without sending a row twice at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT = "SELECT id, exchange, routing_key, payload, traceparent, created_at FROM outbox "
            + "WHERE sent_at IS NULL ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final AgroalDataSource dataSource;
    private final BrokerConnection broker;
    private final Topology topology;
    private final MessagingConfig.Outbox config;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private final Timer lag;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private Channel channel;

    OutboxRelay(AgroalDataSource dataSource, BrokerConnection broker, Topology topology, MessagingConfig config,
                MeterRegistry registry) {
        this.dataSource = dataSource;
        this.broker = broker;
        this.topology = topology;
        this.config = config.outbox();
        this.lag = Timer.builder("claimdesk.outbox.lag").description("From outbox insert to broker confirm")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.published = Counter.builder("claimdesk.outbox.published").register(registry);
        this.failures = Counter.builder("claimdesk.outbox.failures").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            running = true;
            worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Called after a commit that wrote outbox rows, so they leave at once rather than at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                } else if (wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(config.linger().toMillis());
                }
                if (!topology.isDeclared()) {
                    continue;
                }
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
                } while (sent == config.batchSize() && running);
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                closeChannel();
                backoff = Math.min(Math.max(backoff * 2, 200), 5000);
                LOG.warnf("Outbox relay failed, retrying in %d ms: %s", backoff, e.toString());
            }
        }
    }

    private int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = lockBatch(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            Channel ch = channel();
            returned.clear();
            for (Row row : rows) {
                ch.basicPublish(row.exchange, row.routingKey, true, properties(row),
                        row.payload.getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
            markOutcome(connection, rows);
            return rows.size();
        }
    }

    private List<Row> lockBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return rows;
    }

    private void markOutcome(Connection connection, List<Row> rows) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement sent = connection.prepareStatement(
                "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?");
             PreparedStatement unroutable = connection.prepareStatement(
                     "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            for (Row row : rows) {
                if (returned.contains(row.id.toString())) {
                    LOG.errorf("Event %s to %s/%s was returned unroutable; kept in the outbox", row.id, row.exchange,
                            row.routingKey);
                    unroutable.setString(1, "unroutable");
                    unroutable.setObject(2, row.id);
                    unroutable.addBatch();
                } else {
                    sent.setTimestamp(1, Timestamp.from(now));
                    sent.setObject(2, row.id);
                    sent.addBatch();
                    lag.record(Duration.between(row.createdAt, now));
                    published.increment();
                }
            }
            sent.executeBatch();
            unroutable.executeBatch();
        }
    }

    private static AMQP.BasicProperties properties(Row row) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("type", row.routingKey);
        if (row.traceparent != null) {
            headers.put("traceparent", row.traceparent);
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(row.id.toString())
                .type(row.routingKey)
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .timestamp(Date.from(row.createdAt))
                .headers(headers)
                .build();
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = broker.openChannel();
            channel.confirmSelect();
            channel.addReturnListener(ret -> returned.add(String.valueOf(ret.getProperties().getMessageId())));
        }
        return channel;
    }

    private void closeChannel() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.abort();
            }
        } catch (Exception e) {
            LOG.debug("Abort of the relay channel failed", e);
        }
        channel = null;
    }

    private record Row(UUID id, String exchange, String routingKey, String payload, String traceparent,
                       Instant createdAt) {
    }
}
