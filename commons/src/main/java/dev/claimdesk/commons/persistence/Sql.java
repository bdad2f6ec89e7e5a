package dev.claimdesk.commons.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * SQL in the entity manager's transaction where HQL would cost a translation on every execution: Hibernate caches no
 * plan for a bulk HQL update, nor for an IN list of each new length. Used on paths that run for every message.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * The statement, synchronised on the entity whose table it reads or writes: pending changes to that entity are
     * flushed before it runs, as they would be for HQL, and nothing else is.
     */
    public static NativeQuery<?> on(EntityManager em, Class<?> touched, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedEntityClass(touched);
    }

    /**
     * Ids as one array parameter, for any number of them: bound as text, which Hibernate passes as it is, and cast
     * in the statement with {@code CAST(CAST(?n AS text[]) AS uuid[])}.
     */
    public static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** A timestamp column of a native query's row as an instant, whichever Java type the driver gave it; null stays null. */
    public static Instant instant(Object column) {
        return switch (column) {
            case null -> null;
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + column.getClass().getName());
        };
    }

    /**
     * The rows of a read, straight from JDBC on the entity manager's connection and in its transaction: no flush
     * before it and no mapping of the result by Hibernate, which for a native query resolves every column's type
     * again on each execution. For reads that run for every message and return thousands of rows, and only where the
     * session holds no pending change to the tables they read (docs/benchmarks.md, "Ranking candidates, and reads
     * without the mapping").
     */
    public static <T> List<T> select(EntityManager em, String sql, Binder binder, RowReader<T> reader) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
            }
            return rows;
        });
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** One row of a result, read from where the result set stands. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
