package dev.claimdesk.review.rest;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.review.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The desk's audit trail, newest first, by task, actor, reviewer and time. */
@Path("/api/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    public record Entry(long id, Instant at, String actor, String action, UUID taskId, String reviewer, String before,
                        String after) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id, e.at, e.actor, e.action, e.taskId, e.reviewer, e.before, e.after);
        }
    }

    @GET
    @Operation(summary = "Assignments, reassignments, escalations, reviews, verdicts and corrections with who, when, before "
            + "and after")
    public Page<Entry> list(@QueryParam("taskId") String taskId, @QueryParam("actor") String actor,
                            @QueryParam("reviewer") String reviewer, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (taskId != null && !taskId.isBlank()) {
            where.add("taskId = :task");
            params.put("task", Requests.id(taskId, "Task"));
        }
        if (actor != null && !actor.isBlank()) {
            where.add("actor = :actor");
            params.put("actor", actor);
        }
        if (reviewer != null && !reviewer.isBlank()) {
            where.add("reviewer = :reviewer");
            params.put("reviewer", reviewer);
        }
        if (from != null && !from.isBlank()) {
            where.add("at >= :from");
            params.put("from", instant("from", from));
        }
        if (to != null && !to.isBlank()) {
            where.add("at < :to");
            params.put("to", instant("to", to));
        }
        var found = AuditEntry.<AuditEntry>find((where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by id desc", params);
        return new Page<>(found.page(paging.page(), paging.size()).list().stream().map(Entry::of).toList(), paging.page(),
                paging.size(), found.count());
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid " + name, name + " is an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
