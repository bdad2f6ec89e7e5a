package dev.claimdesk.review.service;

import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.config.ReviewConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The desk's rounds: waiting tasks go to reviewers as capacity frees, and a task past due goes to another
 * reviewer who has room, or, when nobody has, is marked OVERDUE for the admins once.
 */
@ApplicationScoped
public class Desk {

    private static final int PER_ROUND = 100;

    private final Routing routing;
    private final EntityManager em;
    private final TaskEvents events;
    private final Audit audit;
    private final ReviewConfig config;

    Desk(Routing routing, EntityManager em, TaskEvents events, Audit audit, ReviewConfig config) {
        this.routing = routing;
        this.em = em;
        this.events = events;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(every = "${claimdesk.review.scheduler-interval:10S}", delayed = "5S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        routing.routeWaiting(PER_ROUND);
        overdue(Instant.now());
    }

    /** Handles the open tasks due before {@code now}; returns how many it reassigned. */
    @Transactional
    public int overdue(Instant now) {
        @SuppressWarnings("unchecked")
        List<ReviewTask> late = em.createNativeQuery("SELECT * FROM task WHERE stage <> 'DONE' AND due_at < ?1 "
                        + "AND NOT overdue_handled ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED", ReviewTask.class)
                .setParameter(1, now)
                .setParameter(2, PER_ROUND)
                .getResultList();
        int reassigned = 0;
        for (ReviewTask task : late) {
            Map<String, Object> was = Audit.state(task);
            Instant due = task.dueAt;
            // a fresh reviewer gets the task's full time again
            task.dueAt = now.plus(config.serviceLevels().of(Priorities.band(task.priority))).truncatedTo(ChronoUnit.MICROS);
            if (task.assignee != null && routing.assign(task, Audit.SYSTEM, task.assignee)) {
                reassigned++;
                continue;
            }
            task.dueAt = due;
            task.overdueHandled = true;
            task.status = "OVERDUE";
            task.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
            task.version++;
            audit.record(Audit.SYSTEM, "task.overdue", task, task.assignee, was, Audit.state(task));
            events.announce(task);
        }
        return reassigned;
    }
}
