package dev.claimdesk.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.review.AuditEntry;
import dev.claimdesk.review.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the desk's append-only audit trail, in the transaction of the change it records. */
@ApplicationScoped
public class Audit {

    /** Who acts when no person does: routing, escalation. */
    public static final String SYSTEM = "system";

    private final ObjectMapper json;

    Audit(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, ReviewTask task, String reviewer, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.action = action;
        entry.taskId = task == null ? null : task.id;
        entry.reviewer = reviewer;
        entry.before = write(before);
        entry.after = write(after);
        entry.persist();
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
