package dev.claimdesk.webui.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.ApiToken;
import dev.claimdesk.webui.service.Accounts;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.ApiTokens;
import dev.claimdesk.webui.service.Backends;
import dev.claimdesk.webui.service.Backends.Service;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admins' view of the desk: reviewers with their load and agreement, users and roles, API tokens, the audit. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPage {

    private final Backends backends;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final SecurityIdentity caller;

    AdminPage(Backends backends, Accounts accounts, ApiTokens tokens, SecurityIdentity caller) {
        this.backends = backends;
        this.accounts = accounts;
        this.tokens = tokens;
        this.caller = caller;
    }

    public record ReviewerRow(String username, String skills, String languages, int capacity, long openTasks, boolean active,
                              boolean senior, String agreement) {
    }

    public record UserRow(String username, String displayName, String roles, boolean enabled) {
    }

    public record TokenRow(String name, String hint, String roles, String createdBy, String lastUsedAt, boolean revoked) {
    }

    public record AuditRow(String at, String actor, String action, String taskId, String reviewer, String before, String after) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(String username, String csrf, List<ReviewerRow> reviewers, List<UserRow> users,
                                                List<TokenRow> tokens);

        static native TemplateInstance audit(String username, String csrf, Map<String, String> filter, List<AuditRow> entries,
                                             long total, String error);
    }

    @GET
    @Operation(hidden = true)
    public Response overview() {
        ActiveSession session = Pages.session(caller);
        Backends.Answer reviewers = backends.get(Service.REVIEW, "/api/reviewers", session.username(), session.roles());
        Backends.Answer agreement = backends.get(Service.REVIEW, "/api/reviewers/agreement", session.username(), session.roles());
        if (!reviewers.ok()) {
            throw new ProblemException(502, "service-refused", "Review service refused", reviewers.detail());
        }
        Map<String, String> rates = new HashMap<>();
        if (agreement.ok()) {
            agreement.body().forEach(a -> rates.put(a.path("username").asText(),
                    a.path("agreed").asLong() + " of " + a.path("pairs").asLong()));
        }
        List<ReviewerRow> rows = new ArrayList<>();
        reviewers.body().forEach(r -> rows.add(new ReviewerRow(r.path("username").asText(), join(r.path("skills")),
                join(r.path("languages")), r.path("capacity").asInt(), r.path("openTasks").asLong(), r.path("active").asBoolean(),
                r.path("senior").asBoolean(), rates.getOrDefault(r.path("username").asText(), "—"))));
        List<UserRow> users = new ArrayList<>();
        for (Account a : accounts.list(0, 1000)) {
            users.add(new UserRow(a.username, a.displayName, a.roles, a.enabled));
        }
        List<TokenRow> tokenRows = new ArrayList<>();
        for (ApiToken t : tokens.list()) {
            tokenRows.add(new TokenRow(t.name, t.hint, t.roles, t.createdBy, t.lastUsedAt == null ? "never" : t.lastUsedAt.toString(),
                    t.revokedAt != null));
        }
        return Pages.html(200, Templates.overview(session.username(), session.csrfToken(), rows, users, tokenRows));
    }

    @GET
    @Path("/audit")
    @Operation(hidden = true)
    public Response audit(@QueryParam("taskId") String taskId, @QueryParam("actor") String actor,
                          @QueryParam("reviewer") String reviewer, @QueryParam("from") String from, @QueryParam("to") String to) {
        ActiveSession session = Pages.session(caller);
        Map<String, String> filter = new java.util.LinkedHashMap<>();
        filter.put("taskId", blank(taskId));
        filter.put("actor", blank(actor));
        filter.put("reviewer", blank(reviewer));
        filter.put("from", blank(from));
        filter.put("to", blank(to));
        StringBuilder query = new StringBuilder("/api/audit?size=200");
        filter.forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        Backends.Answer answer = backends.get(Service.REVIEW, query.toString(), session.username(), session.roles());
        List<AuditRow> entries = new ArrayList<>();
        if (answer.ok()) {
            answer.body().path("items").forEach(e -> entries.add(new AuditRow(e.path("at").asText(), e.path("actor").asText(),
                    e.path("action").asText(), e.path("taskId").asText(""), e.path("reviewer").asText(""),
                    e.path("before").asText(""), e.path("after").asText(""))));
        }
        return Pages.html(200, Templates.audit(session.username(), session.csrfToken(), filter, entries,
                answer.ok() ? answer.body().path("total").asLong() : 0, answer.ok() ? null : answer.detail()));
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }


}
