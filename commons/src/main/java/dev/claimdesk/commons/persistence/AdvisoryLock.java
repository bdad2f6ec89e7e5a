package dev.claimdesk.commons.persistence;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A PostgreSQL advisory lock on a text key, held until the current transaction ends. */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

    public static void acquire(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, key);
            lock.execute();
        }
    }

    /**
     * The same, in the transaction of {@code em}, on its connection. The lock touches no table, so what the
     * transaction has changed is not flushed for it; queries after it flush what they read as ever. Straight on the
     * connection rather than as a native query, whose result Hibernate maps anew on every execution: taken for every
     * article placed, this lock was 2 % of claims-service's CPU (docs/benchmarks.md, "Ranking candidates, and reads
     * without the mapping").
     */
    public static void acquire(jakarta.persistence.EntityManager em, String key) {
        em.unwrap(Session.class).doWork(connection -> acquire(connection, key));
    }
}
