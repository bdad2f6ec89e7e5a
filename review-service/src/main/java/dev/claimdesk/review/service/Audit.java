package dev.claimdesk.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.review.ReviewTask;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the desk's append-only audit trail, in the transaction of the change it records. */
@ApplicationScoped
public class Audit {

    /** Who acts when no person does: routing, escalation. */
    public static final String SYSTEM = "system";

    private final ObjectMapper json;
    private final AgroalDataSource dataSource;

    Audit(ObjectMapper json, AgroalDataSource dataSource) {
        this.json = json;
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, ReviewTask task, String reviewer, Object before, Object after) {
        // JDBC on the transaction's connection, as the outbox writes: a few rows for every article that nothing reads
        // back in the transaction, where an entity with a database-made id costs Hibernate's whole persist for each
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_entry (at, actor, action, task_id, reviewer, before, after) "
                        + "VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))")) {
            insert.setObject(1, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setObject(4, task == null ? null : task.id, Types.OTHER);
            insert.setString(5, reviewer);
            insert.setString(6, write(before));
            insert.setString(7, write(after));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Audit insert failed", e);
        }
    }

    /** What of a task the trail keeps before and after a change. */
    public static Map<String, Object> state(ReviewTask task) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("stage", task.stage);
        state.put("status", task.status);
        state.put("assignee", task.assignee);
        state.put("priority", task.priority);
        state.put("dueAt", task.dueAt == null ? null : task.dueAt.toString());
        state.put("version", task.version);
        return state;
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value cannot be written", e);
        }
    }
}
