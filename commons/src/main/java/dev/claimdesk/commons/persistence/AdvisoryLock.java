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

    /**
     * The same, in the transaction of {@code em}. The lock touches no table, so what the transaction has changed is
     * not flushed for it (as for any other SQL); queries after it flush what they read as ever.
     */
    public static void acquire(jakarta.persistence.EntityManager em, String key) {
        em.createNativeQuery(LOCK).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter(1, key).getSingleResult();
    }
}
