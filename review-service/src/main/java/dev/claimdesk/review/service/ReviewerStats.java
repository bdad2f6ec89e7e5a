package dev.claimdesk.review.service;

import dev.claimdesk.commons.persistence.Sql;
import dev.claimdesk.review.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the desk knows of its reviewers' work: open tasks, and how often a second review agreed with the first. */
@ApplicationScoped
public class ReviewerStats {

    /** Both reviews of a task a reviewer took part in as first or second reviewer, and how many agreed. */
    public record Agreement(String username, long pairs, long agreed, double rate) {
    }

    private final EntityManager em;

    ReviewerStats(EntityManager em) {
        this.em = em;
    }

    /** Each reviewer's open tasks, as routing reads them. */
    public Map<String, Long> openTasks() {
        Map<String, Long> load = new HashMap<>();
        for (Object row : Sql.on(em, ReviewTask.class, "SELECT username, sum(open_tasks) FROM reviewer_load GROUP BY username")
                .getResultList()) {
            Object[] r = (Object[]) row;
            load.put((String) r[0], ((Number) r[1]).longValue());
        }
        return load;
    }

    public List<Agreement> agreement() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT who, count(*), count(*) FILTER (WHERE agreed) FROM (
                            SELECT f.reviewer AS who, f.rating = s.rating AS agreed FROM review f
                                JOIN review s ON s.task_id = f.task_id AND s.stage = 'SECOND_REVIEW' WHERE f.stage = 'FIRST_REVIEW'
                            UNION ALL
                            SELECT s.reviewer, f.rating = s.rating FROM review f
                                JOIN review s ON s.task_id = f.task_id AND s.stage = 'SECOND_REVIEW' WHERE f.stage = 'FIRST_REVIEW'
                        ) pairs GROUP BY who ORDER BY who""").getResultList();
        return rows.stream().map(r -> {
            long pairs = ((Number) r[1]).longValue();
            long agreed = ((Number) r[2]).longValue();
            return new Agreement((String) r[0], pairs, agreed, Math.round(1000.0 * agreed / pairs) / 1000.0);
        }).toList();
    }
}
