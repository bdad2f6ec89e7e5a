package dev.claimdesk.webui.rest;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.security.SecurityAudit;
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

/** The security audit of web-ui (logins, tokens, admin actions, refused requests), for admins. */
@Path("/api/security-audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AuditResource {

    private final SecurityAudit audit;

    AuditResource(SecurityAudit audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Audit lines, newest first, filtered by actor, action and time (from inclusive, to exclusive)")
    public Page<SecurityAudit.Line> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        audit.flush();
        SecurityAudit.Found found = audit.search(new SecurityAudit.Filter(blankToNull(actor), blankToNull(action),
                instant("from", from), instant("to", to)), paging.page(), paging.size());
        return new Page<>(found.items(), paging.page(), paging.size(), found.total());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid " + name, name + " must be an ISO-8601 instant");
        }
    }
}
