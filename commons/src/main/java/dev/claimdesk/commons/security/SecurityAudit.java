package dev.claimdesk.commons.security;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends to the {@code security_audit} table. {@link #record} writes inside the caller's transaction, so
 * an admin action and its audit line commit together. {@link #recordLater} is for the request path (refused
 * requests, failed logins): a bounded queue written in batches, so a flood of bad requests costs one insert
 * per batch rather than one per request, and what the queue cannot hold is counted, never blocks.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger LOG = Logger.getLogger(SecurityAudit.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final BlockingQueue<AuditEntry> pending = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Counter dropped;
    /**
     * Held from taking lines off the queue until they are written, so {@link #flush} cannot return while
     * the writer thread still holds lines it has taken; fair, so a flush waits one poll at most.
     */
    private final ReentrantLock taking = new ReentrantLock(true);
    private volatile Thread writer;

    SecurityAudit(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.dropped = Counter.builder("claimdesk.audit.dropped")
                .description("Audit lines lost because the write queue was full").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        writer = Thread.ofPlatform().daemon().name("security-audit-writer").start(this::drainForever);
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = writer;
        writer = null;
        if (running != null) {
            running.interrupt();
        }
        flush();
    }

    /** Writes now, on the caller's connection and transaction if it has one. */
    public void record(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, List.of(entry));
        } catch (SQLException e) {
            throw new IllegalStateException("Audit insert failed", e);
        }
    }

    /** Queues the line for the writer thread; safe to call from the event loop. */
    public void recordLater(AuditEntry entry) {
        if (!pending.offer(entry)) {
            dropped.increment();
            LOG.warnf("Audit queue full, line dropped: %s %s %s", entry.action(), entry.actor(), entry.outcome());
        }
    }

    /** Writes everything queued so far; tests call it to read what was recorded. */
    public void flush() {
        taking.lock();
        try {
            List<AuditEntry> batch = new ArrayList<>();
            while (pending.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            taking.unlock();
        }
    }

    public record Filter(String actor, String action, Instant from, Instant to) {
    }

    public record Line(long id, Instant at, String actor, String action, String target, String outcome, String address,
                       String detail) {
    }

    public record Found(List<Line> items, long total) {
    }

    /** Lines matching the filter, newest first. */
    public Found search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND action = ?");
            args.add(filter.action());
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM security_audit" + where)) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Line> items = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, at, actor, action, target, outcome, address, detail FROM security_audit" + where
                            + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                List<Object> paged = new ArrayList<>(args);
                paged.add(size);
                paged.add((long) page * size);
                bind(query, paged);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Line(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return new Found(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Audit query failed", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }

    private void drainForever() {
        List<AuditEntry> batch = new ArrayList<>();
        while (writer != null) {
            taking.lock();
            try {
                AuditEntry first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                taking.unlock();
            }
        }
    }

    private void write(List<AuditEntry> batch) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, batch);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("%d audit lines not written: %s", batch.size(), e.toString());
        }
    }

    private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO security_audit (actor, action, target, outcome, address, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                insert.setString(1, e.actor());
                insert.setString(2, e.action());
                insert.setString(3, e.target());
                insert.setString(4, e.outcome());
                insert.setString(5, e.address());
                insert.setString(6, e.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
