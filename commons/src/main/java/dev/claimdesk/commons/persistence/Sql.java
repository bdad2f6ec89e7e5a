package dev.claimdesk.commons.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

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
}
