package dev.claimdesk.review.service;

import dev.claimdesk.review.ReviewTask;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.review.service.Eligibility.CAN_TAKE;
import static dev.claimdesk.review.service.Eligibility.HAS_ROOM;
import static dev.claimdesk.review.service.Eligibility.NOT_RATED;

/**
 * Why a task waits in the desk queue, by the rules {@link Routing} assigns by: nobody active with its skill (or, for an
 * escalation, nobody senior) in its language; only reviewers who rated it already; or everyone who could take it at
 * capacity. The first three need an admin: they are counted as {@code claimdesk_tasks_unroutable} and warned of on
 * the admin page.
 */
@ApplicationScoped
@Startup
public class Waiting {

    public enum Reason { NO_REVIEWER_WITH_SKILL, NO_SENIOR_REVIEWER, ONLY_REVIEWERS_WHO_RATED_IT, ALL_AT_CAPACITY, ABOUT_TO_BE_ROUTED }

    /** Why a task waits, with the words a reviewer or an admin reads. */
    public record Why(Reason reason, String detail) {
        public boolean unroutable() {
            return reason != Reason.ALL_AT_CAPACITY && reason != Reason.ABOUT_TO_BE_ROUTED;
        }
    }

    private final AgroalDataSource dataSource;

    Waiting(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        Gauge.builder("claimdesk.tasks.unroutable", this, Waiting::unroutable)
                .description("Tasks waiting that no active reviewer can take (skill, seniority or language), whatever their load")
                .register(metrics);
    }

    /** Why each of these tasks waits; tasks with a reviewer or done are left out. */
    public Map<UUID, Why> of(List<ReviewTask> tasks) {
        Map<UUID, Why> why = new HashMap<>();
        List<ReviewTask> waiting = tasks.stream().filter(t -> t.open() && t.assignee == null).toList();
        if (waiting.isEmpty()) {
            return why;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement counts = connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE " + CAN_TAKE + "), count(*) FILTER (WHERE " + CAN_TAKE + " AND " + NOT_RATED + "),"
                        + " count(*) FILTER (WHERE " + CAN_TAKE + " AND " + NOT_RATED + " AND " + HAS_ROOM + ")"
                        + " FROM task t CROSS JOIN reviewer r WHERE t.id = ?")) {
            for (ReviewTask task : waiting) {
                counts.setObject(1, task.id);
                try (ResultSet rs = counts.executeQuery()) {
                    rs.next();
                    why.put(task.id, why(task, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return why;
        } catch (SQLException e) {
            throw new IllegalStateException("why tasks wait could not be read", e);
        }
    }

    private static Why why(ReviewTask task, long canTake, long notRated, long withRoom) {
        boolean escalated = ReviewTask.ESCALATED.equals(task.stage);
        String language = task.language == null ? "" : " for language '" + task.language + "'";
        if (canTake == 0) {
            return escalated ? new Why(Reason.NO_SENIOR_REVIEWER, "No active senior reviewer" + language + ": an admin marks one senior")
                    : new Why(Reason.NO_REVIEWER_WITH_SKILL, "No active reviewer has the skill '" + task.skill + "'" + language
                    + ": an admin adds one or gives the skill");
        }
        if (notRated == 0) {
            return new Why(Reason.ONLY_REVIEWERS_WHO_RATED_IT, "Every reviewer who could take it rated it already: "
                    + (escalated ? "it needs another senior reviewer" : "it needs another reviewer with the skill '" + task.skill + "'"));
        }
        if (withRoom == 0) {
            return new Why(Reason.ALL_AT_CAPACITY, "Every reviewer who could take it (" + notRated + ") is at capacity: it goes to "
                    + "the first who finishes a task");
        }
        return new Why(Reason.ABOUT_TO_BE_ROUTED, "A reviewer has room: routing gives it to them at the next change");
    }

    private static final String UNROUTABLE = " FROM task t WHERE t.assignee IS NULL AND t.stage <> 'DONE' AND NOT EXISTS "
            + "(SELECT 1 FROM reviewer r WHERE " + CAN_TAKE + " AND " + NOT_RATED + ")";

    /** Tasks waiting that no active reviewer can take, whatever their load. */
    public long unroutable() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*)" + UNROUTABLE); ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("unroutable tasks could not be counted", e);
        }
    }

    /** The ids of up to {@code size} of them, most urgent first. */
    public List<UUID> unroutable(int size) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT t.id" + UNROUTABLE + " ORDER BY t.priority DESC, t.due_at, t.id LIMIT ?")) {
            select.setInt(1, size);
            List<UUID> ids = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("unroutable tasks could not be read", e);
        }
    }
}
