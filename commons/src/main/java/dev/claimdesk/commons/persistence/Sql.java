package dev.claimdesk.commons.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.util.Collection;
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
}
