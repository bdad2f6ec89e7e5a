package dev.claimdesk.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A PostgreSQL advisory lock on a text key, held until the current transaction ends. */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))";

    public static void acquire(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK.replace("?1", "?"))) {
            lock.setString(1, key);
            lock.execute();
        }
    }

    /** The same, in the transaction of {@code em}. */
    public static void acquire(jakarta.persistence.EntityManager em, String key) {
        em.createNativeQuery(LOCK).setParameter(1, key).getSingleResult();
    }
}
