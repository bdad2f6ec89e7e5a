package dev.claimdesk.webui.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.deadletter.DeadLetters;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.ApiToken;
import dev.claimdesk.webui.service.Accounts;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.ApiTokens;
import dev.claimdesk.webui.service.Backends;
import dev.claimdesk.webui.service.Backends.Service;
import dev.claimdesk.webui.service.Secrets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
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
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.List;
import java.util.Map;

/**
 * The admins' desk: reviewers with their load and agreement (added and edited here), users and roles, API tokens
 * (created and revoked here), the dead letters waiting in every service, and the audit.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPage {

    private final Backends backends;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final DeadLetters deadLetters;
    private final SecurityIdentity caller;

    AdminPage(Backends backends, Accounts accounts, ApiTokens tokens, DeadLetters deadLetters, SecurityIdentity caller) {
        this.backends = backends;
        this.accounts = accounts;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    public record ReviewerRow(String id, String username, String skills, String languages, int capacity, long openTasks, boolean active,
                              boolean senior, String agreement) {
    }

    public record UserRow(String username, String displayName, String roles, boolean enabled) {
    }

    public record TokenRow(String id, String name, String hint, String roles, String createdBy, String lastUsedAt, boolean revoked) {
    }

    /** Tasks no reviewer can take until an admin acts: how many, and the most urgent with why. */
    public record Stuck(long total, List<StuckTask> tasks) {
        static Stuck of(JsonNode answer) {
            List<StuckTask> tasks = new ArrayList<>();
            answer.path("items").forEach(t -> tasks.add(new StuckTask(t.path("id").asText(), DeskPage.lead(t).path("text").asText(),
                    t.path("waiting").path("detail").asText(""))));
            return new Stuck(answer.path("total").asLong(), tasks);
        }
    }

    public record StuckTask(String id, String text, String why) {
    }

    /** A service's dead letters waiting, per consumer queue, or why they could not be read. */
    public record DeadRow(String service, String queue, String deadLetterQueue, Long messages, String error) {
    }

    /** A reviewer's profile as the form shows it, typed or stored. */
    public record ReviewerForm(String id, String username, String displayName, List<String> skills, String languages, String capacity,
                               boolean active, boolean senior) {
        static ReviewerForm empty() {
            return new ReviewerForm("", "", "", List.of(), "en", "10", true, false);
        }

        static ReviewerForm of(JsonNode r) {
            List<String> skills = new ArrayList<>();
            r.path("skills").forEach(x -> skills.add(x.asText()));
            return new ReviewerForm(r.path("id").asText(), r.path("username").asText(), r.path("displayName").asText(""),
                    skills, join(r.path("languages")), r.path("capacity").asText(), r.path("active").asBoolean(),
                    r.path("senior").asBoolean());
        }

        public boolean has(String skill) {
            return skills.contains(skill);
        }

        ReviewerForm active(boolean now) {
            return new ReviewerForm(id, username, displayName, skills, languages, capacity, now, senior);
        }

        /** Where the form posts: a new reviewer, or this one. */
        public String action() {
            return id.isEmpty() ? "/admin/reviewers" : "/admin/reviewers/" + id;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("displayName", displayName.isBlank() ? null : displayName);
            body.put("skills", skills);
            body.put("languages", list(languages));
            try {
                body.put("capacity", Integer.parseInt(capacity.strip()));
            } catch (NumberFormatException e) {
                body.put("capacity", capacity);
            }
            body.put("active", active);
            body.put("senior", senior);
            return body;
        }
    }

    /** An account as the form shows it; the password is never shown back. No role is given without a tick. */
    public record UserForm(String username, String displayName, List<String> roles, boolean enabled) {
        static UserForm empty() {
            return new UserForm("", "", List.of(), true);
        }

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    /** What the page tells after an action, or the error that refused it and which form it belongs to. */
    public record Outcome(String notice, String error, String form, String secret) {
        static final Outcome NONE = new Outcome(null, null, null, null);

        static Outcome error(String form, String error) {
            return new Outcome(null, error, form, null);
        }

        public boolean errorIn(String name) {
            return error != null && name.equals(form);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(String username, String csrf, Stuck stuck, List<ReviewerRow> reviewers, List<UserRow> users,
                                                List<TokenRow> tokens, List<DeadRow> deadLetters, ReviewerForm reviewer,
                                                UserForm user, String tokenName, List<String> tokenRoles, List<String> roles,
                                                Outcome outcome, String tokenFormKey, List<String> skills, List<String> candidates);

        static native TemplateInstance reviewer(String username, String csrf, ReviewerForm reviewer, String error, List<String> skills,
                                                List<String> candidates);

        static native TemplateInstance user(String username, String csrf, UserForm user, List<String> roles, String error);

        static native TemplateInstance audit(String username, String csrf, Map<String, String> filter, List<AuditLines.Line> entries,
                                             long total, String error);
    }

    @GET
    @Operation(hidden = true)
    public Response overview(@QueryParam("done") String done) {
        return overview(200, ReviewerForm.empty(), UserForm.empty(), "", List.of(), new Outcome(notice(done), null, null, null));
    }

    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "person" -> "The person is added: they can sign in now, and a reviewer takes tasks at once.";
            case "reviewer" -> "The reviewer is saved; routing takes the change into account at once.";
            case "user" -> "The account is saved.";
            case "revoked" -> "The API token is revoked: it gets no new access tokens.";
            default -> null;
        };
    }

    @POST
    @Path("/reviewers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createReviewer(@FormParam("_csrf") String csrf, @FormParam("username") String username,
                                   @FormParam("displayName") String displayName, @FormParam("skill") List<String> skills,
                                   @FormParam("languages") String languages, @FormParam("capacity") String capacity,
                                   @FormParam("active") String active, @FormParam("senior") String senior) {
        ActiveSession session = Pages.session(caller);
        ReviewerForm form = new ReviewerForm("", text(username), text(displayName), skills, text(languages), text(capacity),
                active != null, senior != null);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return overview(403, form, UserForm.empty(), "", List.of(), Outcome.error("reviewer", EXPIRED));
        }
        // a profile is for a person who can sign in as a reviewer: a typed name that is nobody's would be given tasks
        if (!candidates().contains(form.username())) {
            return overview(400, form, UserForm.empty(), "", List.of(), Outcome.error("reviewer", "No account named '" + form.username()
                    + "' has the reviewer role without a profile: add the person below, or give the account the reviewer role first."));
        }
        Backends.Answer answer = backends.post(Service.REVIEW, "/api/reviewers", form.body(), null, session.username(), session.roles());
        return answer.ok() ? done("reviewer")
                : overview(answer.status(), form, UserForm.empty(), "", List.of(), Outcome.error("reviewer", problem(answer)));
    }

    @GET
    @Path("/reviewers/{id}")
    @Operation(hidden = true)
    public Response reviewer(@PathParam("id") String id) {
        ActiveSession session = Pages.session(caller);
        Backends.Answer answer = backends.get(Service.REVIEW, "/api/reviewers/" + Requests.id(id, "Reviewer"), session.username(),
                session.roles());
        if (answer.status() == 404) {
            throw ProblemException.notFound("Reviewer", id);
        }
        Pages.refusedByReview(answer);
        return Pages.html(200, Templates.reviewer(session.username(), session.csrfToken(), ReviewerForm.of(answer.body()), null, skills(),
                List.of()));
    }

    @POST
    @Path("/reviewers/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response updateReviewer(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("username") String username,
                                   @FormParam("displayName") String displayName, @FormParam("skill") List<String> skills,
                                   @FormParam("languages") String languages, @FormParam("capacity") String capacity,
                                   @FormParam("active") String active, @FormParam("senior") String senior) {
        ActiveSession session = Pages.session(caller);
        UUID reviewer = Requests.id(id, "Reviewer");
        ReviewerForm form = new ReviewerForm(reviewer.toString(), text(username), text(displayName), skills, text(languages),
                text(capacity), active != null, senior != null);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return Pages.html(403, Templates.reviewer(session.username(), session.csrfToken(), form, EXPIRED, skills(), List.of()));
        }
        Backends.Answer answer = backends.put(Service.REVIEW, "/api/reviewers/" + reviewer, form.body(), session.username(),
                session.roles());
        return answer.ok() ? done("reviewer")
                : Pages.html(answer.status(), Templates.reviewer(session.username(), session.csrfToken(), form, problem(answer), skills(),
                List.of()));
    }

    @GET
    @Path("/users/{username}")
    @Operation(hidden = true)
    public Response user(@PathParam("username") String username) {
        ActiveSession session = Pages.session(caller);
        Account account = accounts.get(username);
        return Pages.html(200, Templates.user(session.username(), session.csrfToken(),
                new UserForm(account.username, account.displayName, List.copyOf(account.roleSet()), account.enabled), Roles.ALL, null));
    }

    @POST
    @Path("/users/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response updateUser(@PathParam("username") String username, @FormParam("_csrf") String csrf,
                               @FormParam("displayName") String displayName, @FormParam("role") List<String> roles,
                               @FormParam("enabled") String enabled, @FormParam("password") String password,
                               @Context HttpServerRequest http) {
        ActiveSession session = Pages.session(caller);
        Account account = accounts.get(username);
        UserForm form = new UserForm(account.username, text(displayName), roles, enabled != null);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return Pages.html(403, Templates.user(session.username(), session.csrfToken(), form, Roles.ALL, EXPIRED));
        }
        try {
            accounts.change(account.username, new Accounts.Change(form.displayName().isBlank() ? null : form.displayName(),
                    new TreeSet<>(roles), form.enabled(), password == null || password.isEmpty() ? null : password),
                    session.username(), ClientAddress.of(http));
        } catch (ProblemException e) {
            return Pages.html(e.problem().status(), Templates.user(session.username(), session.csrfToken(), form, Roles.ALL, problem(e)));
        }
        return done("user");
    }

    /** A new API token; its secret is shown on this answer only, never again. */
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createToken(@FormParam("_csrf") String csrf, @FormParam("name") String name, @FormParam("role") List<String> roles,
                                @FormParam("key") String key, @Context HttpServerRequest http) {
        ActiveSession session = Pages.session(caller);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return overview(403, ReviewerForm.empty(), UserForm.empty(), text(name), roles, Outcome.error("token", EXPIRED));
        }
        ApiTokens.Created created;
        try {
            created = tokens.create(text(name), new TreeSet<>(roles), session.username(), ClientAddress.of(http),
                    key == null || key.isBlank() ? null : key);
        } catch (ProblemException e) {
            return overview(e.problem().status(), ReviewerForm.empty(), UserForm.empty(), text(name), roles,
                    Outcome.error("token", problem(e)));
        }
        if (created.secret() == null) {
            // the page was reloaded, or the form sent twice: no second token, and the secret stays where it was shown
            return overview(200, ReviewerForm.empty(), UserForm.empty(), "", List.of(),
                    new Outcome("Token " + created.token().name + " was created by this form already; its secret was shown then, "
                            + "once. If it was not copied, revoke the token and create another.", null, "token", null));
        }
        return overview(201, ReviewerForm.empty(), UserForm.empty(), "", List.of(),
                new Outcome("Token " + created.token().name + " is created. Copy its secret now: it is not shown again.", null, "token",
                        created.secret()));
    }

    @POST
    @Path("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revokeToken(@PathParam("id") String id, @FormParam("_csrf") String csrf, @Context HttpServerRequest http) {
        ActiveSession session = Pages.session(caller);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return overview(403, ReviewerForm.empty(), UserForm.empty(), "", List.of(), Outcome.error("token", EXPIRED));
        }
        tokens.revoke(Requests.id(id, "API token"), session.username(), ClientAddress.of(http));
        return done("revoked");
    }

    private Response overview(int status, ReviewerForm reviewerForm, UserForm userForm, String tokenName, List<String> tokenRoles,
                              Outcome outcome) {
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
        reviewers.body().forEach(r -> rows.add(new ReviewerRow(r.path("id").asText(), r.path("username").asText(), join(r.path("skills")),
                join(r.path("languages")), r.path("capacity").asInt(), r.path("openTasks").asLong(), r.path("active").asBoolean(),
                r.path("senior").asBoolean(), rates.getOrDefault(r.path("username").asText(), "—"))));
        List<UserRow> users = new ArrayList<>();
        for (Account a : accounts.list(0, 1000)) {
            users.add(new UserRow(a.username, a.displayName, String.join(", ", new TreeSet<>(a.roleSet())), a.enabled));
        }
        List<TokenRow> tokenRows = new ArrayList<>();
        for (ApiToken t : tokens.list()) {
            tokenRows.add(new TokenRow(t.id.toString(), t.name, t.hint, t.roles, t.createdBy, t.lastUsedAt == null ? "never" : t.lastUsedAt.toString(),
                    t.revokedAt != null));
        }
        Backends.Answer unroutable = backends.get(Service.REVIEW, "/api/tasks/unroutable?size=10", session.username(), session.roles());
        Stuck stuck = unroutable.ok() ? Stuck.of(unroutable.body()) : new Stuck(0, List.of());
        return Pages.html(status, Templates.overview(session.username(), session.csrfToken(), stuck, rows, users, tokenRows, deadLetters(session),
                reviewerForm, userForm, tokenName, tokenRoles, Roles.ALL, outcome, java.util.UUID.randomUUID().toString(), skills(),
                candidates()));
    }

    /** Each service's dead letters: a service that cannot answer shows why, the others still count. */
    private List<DeadRow> deadLetters(ActiveSession session) {
        List<DeadRow> rows = new ArrayList<>();
        for (Service service : Service.values()) {
            String name = service.name().toLowerCase(java.util.Locale.ROOT) + "-service";
            try {
                Backends.Answer answer = backends.get(service, "/api/admin/dead-letters", session.username(), session.roles());
                if (answer.ok()) {
                    answer.body().forEach(d -> rows.add(new DeadRow(name, d.path("queue").asText(), d.path("deadLetterQueue").asText(),
                            d.path("messages").asLong(), null)));
                } else {
                    rows.add(new DeadRow(name, null, null, null, answer.detail()));
                }
            } catch (ProblemException e) {
                rows.add(new DeadRow(name, null, null, null, e.problem().detail()));
            }
        }
        try {
            deadLetters.waiting().forEach(d -> rows.add(new DeadRow("web-ui", d.queue(), d.deadLetterQueue(), d.messages(), null)));
        } catch (ProblemException e) {
            rows.add(new DeadRow("web-ui", null, null, null, e.problem().detail()));
        }
        return rows;
    }

    private static final String EXPIRED = "This form has expired. Nothing was changed; what you typed is kept.";

    private static Response done(String what) {
        return Response.seeOther(java.net.URI.create("/admin?done=" + what)).header("Cache-Control", "no-store").build();
    }

    /** A refusal in one sentence: each field's error once, or the detail when no field is named. */
    private static String problem(Backends.Answer answer) {
        List<String> fields = answer.fieldErrors();
        return fields.isEmpty() ? answer.detail() : String.join("; ", fields) + ".";
    }

    private static String problem(ProblemException e) {
        List<String> fields = e.problem().errors() == null ? List.of()
                : e.problem().errors().stream().map(f -> f.field() + ": " + f.message()).toList();
        return fields.isEmpty() ? e.problem().detail() : String.join("; ", fields) + ".";
    }

    /** The skills a reviewer may have, as review-service knows them (none when it cannot answer). */
    private List<String> skills() {
        ActiveSession session = Pages.session(caller);
        Backends.Answer answer = backends.get(Service.REVIEW, "/api/reviewers/skills", session.username(), session.roles());
        List<String> skills = new ArrayList<>();
        if (answer.ok()) {
            answer.body().forEach(x -> skills.add(x.asText()));
        }
        return skills;
    }

    /** Accounts with the reviewer role and no reviewer profile yet: who a profile may be added for. */
    private List<String> candidates() {
        ActiveSession session = Pages.session(caller);
        Backends.Answer answer = backends.get(Service.REVIEW, "/api/reviewers", session.username(), session.roles());
        java.util.Set<String> profiled = new java.util.HashSet<>();
        if (answer.ok()) {
            answer.body().forEach(r -> profiled.add(r.path("username").asText()));
        }
        return accounts.list(0, 10_000).stream().filter(a -> a.enabled && a.roleSet().contains(Roles.REVIEWER))
                .map(a -> a.username).filter(u -> !profiled.contains(u)).sorted().toList();
    }

    /**
     * One person: an account and, when it has the reviewer role, their reviewer profile. Everything is checked before
     * anything is stored; the profile is made inactive, the account next, and the profile activated last, so that no
     * moment has a reviewer who could get tasks without an account to sign in with.
     */
    @POST
    @Path("/people")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addPerson(@FormParam("_csrf") String csrf, @FormParam("username") String username,
                              @FormParam("displayName") String displayName, @FormParam("password") String password,
                              @FormParam("role") List<String> roles, @FormParam("skill") List<String> skills,
                              @FormParam("languages") String languages, @FormParam("capacity") String capacity,
                              @FormParam("senior") String senior, @Context HttpServerRequest http) {
        ActiveSession session = Pages.session(caller);
        UserForm person = new UserForm(text(username), text(displayName), roles, true);
        ReviewerForm profile = new ReviewerForm("", person.username(), person.displayName(), skills, text(languages), text(capacity),
                false, senior != null);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return overview(403, profile, person, "", List.of(), Outcome.error("person", EXPIRED));
        }
        Accounts.NewAccount account = new Accounts.NewAccount(person.username(), person.displayName(), password, new TreeSet<>(roles));
        try {
            accounts.check(account);
        } catch (ProblemException e) {
            return overview(e.problem().status(), profile, person, "", List.of(), Outcome.error("person", problem(e)));
        }
        boolean reviewer = roles.contains(Roles.REVIEWER);
        String profileId = null;
        if (reviewer) {
            Backends.Answer made = backends.post(Service.REVIEW, "/api/reviewers", profile.body(), null, session.username(), session.roles());
            if (!made.ok()) {
                return overview(made.status(), profile, person, "", List.of(), Outcome.error("person", "Reviewer profile: " + problem(made)));
            }
            profileId = made.body().path("id").asText();
        }
        try {
            accounts.create(account, session.username(), ClientAddress.of(http));
        } catch (ProblemException e) {
            return overview(e.problem().status(), profile, person, "", List.of(), Outcome.error("person", problem(e)
                    + (reviewer ? " The reviewer profile made for it stays inactive." : "")));
        }
        if (reviewer) {
            Backends.Answer activated = backends.put(Service.REVIEW, "/api/reviewers/" + profileId, profile.active(true).body(),
                    session.username(), session.roles());
            if (!activated.ok()) {
                return overview(activated.status(), ReviewerForm.empty(), UserForm.empty(), "", List.of(), Outcome.error("person",
                        "The account is made, but its reviewer profile could not be activated (" + problem(activated)
                                + "): activate it under Reviewers."));
            }
        }
        return done("person");
    }


    private static List<String> list(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
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
                query.append('&').append(k).append('=').append(URLEncoder.encode(dayBound(k, v), StandardCharsets.UTF_8));
            }
        });
        Backends.Answer answer = backends.get(Service.REVIEW, query.toString(), session.username(), session.roles());
        List<AuditLines.Line> entries = new ArrayList<>();
        if (answer.ok()) {
            answer.body().path("items").forEach(e -> entries.add(AuditLines.ofReview(e, true)));
        }
        return Pages.html(200, Templates.audit(session.username(), session.csrfToken(), filter, entries,
                answer.ok() ? answer.body().path("total").asLong() : 0, answer.ok() ? null : answer.detail()));
    }

    /**
     * A day picked in the filter as the instant the service filters by: from the start of the day ("from"), up to the
     * start of the next ("to", exclusive), in UTC. Anything else goes as typed, for the service to judge.
     */
    private static String dayBound(String field, String value) {
        if (!field.equals("from") && !field.equals("to")) {
            return value;
        }
        try {
            java.time.LocalDate day = java.time.LocalDate.parse(value);
            return (field.equals("to") ? day.plusDays(1) : day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
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
