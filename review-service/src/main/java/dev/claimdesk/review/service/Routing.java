package dev.claimdesk.review.service;

import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.commons.persistence.Sql;
import dev.claimdesk.review.Reviewer;
import dev.claimdesk.review.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.claimdesk.review.service.Eligibility.CAN_TAKE;
import static dev.claimdesk.review.service.Eligibility.HAS_ROOM;
import static dev.claimdesk.review.service.Eligibility.HELD;
import static dev.claimdesk.review.service.Eligibility.NOT_RATED;

/**
 * Assigns tasks to reviewers: one with the task's skill and language, active, below capacity, least loaded first,
 * and among equals the one who waited longest since an assignment. A second review goes to another reviewer than
 * the first; an escalation to a senior reviewer who rated neither. Safe with several instances: each takes waiting
 * tasks with {@code FOR UPDATE SKIP LOCKED}, and a reviewer's load is read and raised under one lock held to
 * commit, so no task is assigned twice and no reviewer goes past capacity. The load is the database's own count of
 * each reviewer's open tasks ({@code reviewer_load}, kept by a trigger on the task table), not a count of the tasks
 * made on every assignment.
 */
@ApplicationScoped
public class Routing {

    /** Each reviewer's open tasks, read once per reviewer (it is both a filter and the first order). */
    private static final String OPEN_TASKS = "(SELECT coalesce(sum(l.open_tasks), 0) AS tasks FROM reviewer_load l "
            + "WHERE l.username = r.username) held";
    /** Assignments by this instance between two folds of the load's rows into one sum per reviewer. */
    static final int FOLD_EVERY = 64;

    private final AtomicInteger sinceFold = new AtomicInteger();

    private final EntityManager em;
    private final TaskEvents events;
    private final Audit audit;

    Routing(EntityManager em, TaskEvents events, Audit audit) {
        this.em = em;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Gives the task, whose row the caller has locked, to the best eligible reviewer other than {@code avoid};
     * false when nobody can take it now, and it waits in the desk queue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean assign(ReviewTask task, String actor, String... avoid) {
        return route(task, actor, null, avoid);
    }

    /** As {@link #assign}, for a task just made from its cluster's claims, announced with their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean assignNew(ReviewTask task, List<UUID> claimIds) {
        return route(task, Audit.SYSTEM, claimIds);
    }

    /** With {@code claimIds} null, the cluster's claims are read when the task is announced. */
    private boolean route(ReviewTask task, String actor, List<UUID> claimIds, String... avoid) {
        AdvisoryLock.acquire(em, "claimdesk:routing");
        List<String> excluded = new ArrayList<>(List.of(avoid));
        excluded.add(task.firstReviewer);
        excluded.add(task.secondReviewer);
        excluded.removeIf(Objects::isNull);
        boolean escalated = ReviewTask.ESCALATED.equals(task.stage);
        if (sinceFold.incrementAndGet() >= FOLD_EVERY) {
            sinceFold.set(0);
            foldLoad();
        }
        // synchronised on tasks, so that this transaction's own changes to them are counted
        List<?> chosen = Sql.on(em, ReviewTask.class, "SELECT r.username FROM reviewer r CROSS JOIN LATERAL " + OPEN_TASKS
                        + " WHERE r.active"
                        // an escalation needs seniority rather than the skill
                        + " AND (CASE WHEN ?4 THEN r.senior ELSE CAST(?1 AS text) = ANY(r.skills) END)"
                        + " AND (CAST(?2 AS text) IS NULL OR cardinality(r.languages) = 0 OR CAST(?2 AS text) = ANY(r.languages))"
                        + " AND NOT (r.username = ANY(CAST(?3 AS text[])))"
                        + " AND held.tasks < r.capacity"
                        + " ORDER BY held.tasks, r.last_assigned_at NULLS FIRST, r.username LIMIT 1")
                .setParameter(1, task.skill)
                .setParameter(2, task.language)
                .setParameter(3, excluded.toArray(String[]::new))
                .setParameter(4, escalated)
                .getResultList();
        if (chosen.isEmpty()) {
            return false;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> before = Audit.state(task);
        String previous = task.assignee;
        task.assignee = (String) chosen.getFirst();
        task.status = ReviewTask.ASSIGNED;
        task.updatedAt = now;
        task.version++;
        Sql.on(em, Reviewer.class, "UPDATE reviewer SET last_assigned_at = ?1 WHERE username = ?2")
                .setParameter(1, now)
                .setParameter(2, task.assignee)
                .executeUpdate();
        audit.record(actor, previous == null ? "task.assigned" : "task.reassigned", task, task.assignee, before, Audit.state(task));
        events.announce(task, claimIds != null ? claimIds : TaskEvents.claimIds(task.clusterId));
        return true;
    }


    /**
     * Folds the rows of {@code reviewer_load}, one for each change, into one per reviewer, so that reading a load stays
     * as cheap as the desk is large rather than as busy. The caller holds the routing lock: no other fold runs, and a
     * change another transaction has not yet committed is left as it is, to count when it does.
     */
    void foldLoad() {
        Sql.on(em, ReviewTask.class, """
                        WITH gone AS (DELETE FROM reviewer_load RETURNING username, open_tasks)
                        INSERT INTO reviewer_load (username, open_tasks)
                        SELECT username, sum(open_tasks) FROM gone GROUP BY username HAVING sum(open_tasks) <> 0""")
                .executeUpdate();
    }

    /**
     * Routes waiting tasks, most urgent first, among those someone can take now: tasks nobody can take (a language or
     * skill nobody has), however urgent, never hold up the rest. Each instance takes rows no other instance has locked.
     */
    @Transactional
    public int routeWaiting(int max) {
        // synchronised on tasks: a verdict this transaction just published has freed its reviewer's room
        int room = ((Number) Sql.on(em, ReviewTask.class, "SELECT coalesce(sum(greatest(r.capacity - " + HELD + ", 0)), 0) "
                + "FROM reviewer r WHERE r.active").getSingleResult()).intValue();
        if (room == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<ReviewTask> waiting = em.createNativeQuery("SELECT t.* FROM task t WHERE t.assignee IS NULL AND t.stage <> 'DONE' "
                        + "AND EXISTS (SELECT 1 FROM reviewer r WHERE " + CAN_TAKE + " AND " + NOT_RATED + " AND " + HAS_ROOM + ") "
                        + "ORDER BY t.priority DESC, t.due_at LIMIT ?1 FOR UPDATE OF t SKIP LOCKED", ReviewTask.class)
                .setParameter(1, Math.min(max, room))
                .getResultList();
        int assigned = 0;
        for (ReviewTask task : waiting) {
            if (assign(task, Audit.SYSTEM)) {
                assigned++;
            }
        }
        return assigned;
    }
}
