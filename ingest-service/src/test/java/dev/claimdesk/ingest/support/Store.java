package dev.claimdesk.ingest.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the ingest database holds, read directly, so tests can show nothing was stored or announced. */
@ApplicationScoped
public class Store {

    private final AgroalDataSource dataSource;

    Store(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long revisions() {
        return count("SELECT count(*) FROM article_revision");
    }

    public long outboxRows() {
        return count("SELECT count(*) FROM outbox");
    }

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of revisions and outbox rows, to compare before and after a request. */
    public record Snapshot(long revisions, long outboxRows) {
    }

    public Snapshot snapshot() {
        return new Snapshot(revisions(), outboxRows());
    }
}
