package dev.claimdesk.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A PostgreSQL advisory lock on a text key, held until the current transaction ends. */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    public static void acquire(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.execute();
        }
    }
}
