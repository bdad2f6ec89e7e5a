package dev.claimdesk.webui.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.Backends;
import dev.claimdesk.webui.service.Backends.Service;
import dev.claimdesk.webui.service.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reviewers' desk: their queue and the desk's, and one task with its claim highlighted in the article, the same
 * claim as other outlets told it, conflicts explained, what cleaning removed, earlier ratings, and the verdict form.
 * web-ui reads and writes through the services with the signed-in reviewer's own token.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
public class DeskPage {

    static final List<String> RATINGS = List.of("TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "UNVERIFIABLE");
    private static final int EVIDENCE_ROWS = 3;

    private final Backends backends;
    private final dev.claimdesk.webui.service.LiveQueues live;
    private final SecurityIdentity caller;

    DeskPage(Backends backends, dev.claimdesk.webui.service.LiveQueues live, SecurityIdentity caller) {
        this.backends = backends;
        this.live = live;
        this.caller = caller;
    }

    /** A task as a line of a queue. */
    public record Row(String id, double priority, String due, boolean overdue, String stage, String type, String text,
                      int sources, boolean conflicted, boolean casualties) {
        private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

        /** The due time as a reader takes it in at a glance. */
        public String dueText() {
            try {
                return DUE.format(Instant.parse(due));
            } catch (java.time.format.DateTimeParseException e) {
                return due;
            }
        }

        static Row of(JsonNode t) {
            JsonNode lead = t.path("claims").path(0);
            java.util.Set<String> articles = new java.util.HashSet<>();
            boolean conflicted = false;
            boolean casualties = false;
            for (JsonNode c : t.path("claims")) {
                articles.add(c.path("articleId").asText());
                conflicted |= c.path("conflicted").asBoolean();
                casualties |= c.path("casualties").asBoolean();
            }
            return new Row(t.path("id").asText(), t.path("priority").asDouble(), t.path("dueAt").asText(),
                    t.path("overdue").asBoolean(), t.path("stage").asText(), lead.path("type").asText(), lead.path("text").asText(),
                    articles.size(), conflicted, casualties);
        }
    }

    /** The article's clean text cut around the claim's sentence and, inside it, its figure. */
    public record Context(String outlet, String title, String url, String before, String sentenceStart, String figure,
                          String sentenceEnd, String after, List<String> removed) {
    }

    /** The same claim told elsewhere. */
    public record Telling(String articleId, String type, String text) {
    }

    /** An earlier rating, shown once the reviewer may see it. */
    public record Rating(String stage, String reviewer, String rating, String explanation) {
    }

    /** What the reviewer typed, kept when a submission fails. */
    public record Draft(String rating, String explanation, List<String[]> evidence, String key) {
        static Draft empty() {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < EVIDENCE_ROWS; i++) {
                rows.add(new String[] {"", ""});
            }
            return new Draft("", "", rows, UUID.randomUUID().toString());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(String username, String csrf, List<Row> mine, List<Row> waiting, String done);

        static native TemplateInstance task(String username, String csrf, Row task, String taskId, long version, String assignee,
                                            Context context, List<Telling> others, List<String> conflicts, List<Rating> ratings,
                                            String verdict, List<String> ratingsScale, Draft draft, String error);
    }

    @GET
    @Operation(hidden = true)
    public Response queue(@jakarta.ws.rs.QueryParam("done") String done) {
        ActiveSession session = Pages.session(caller);
        Backends.Answer mine = backends.get(Service.REVIEW, "/api/tasks/mine", session.username(), session.roles());
        Backends.Answer waiting = backends.get(Service.REVIEW, "/api/tasks?waiting=true&size=100", session.username(), session.roles());
        if (!mine.ok() || !waiting.ok()) {
            throw new ProblemException(502, "service-refused", "Review service refused", mine.ok() ? waiting.detail() : mine.detail());
        }
        List<Row> own = new ArrayList<>();
        mine.body().forEach(t -> own.add(Row.of(t)));
        List<Row> desk = new ArrayList<>();
        waiting.body().path("items").forEach(t -> desk.add(Row.of(t)));
        return Pages.html(200, Templates.queue(session.username(), session.csrfToken(), own, desk, done));
    }

    /** Server-sent notices that the reviewer's queue changed; the page then reads it again. */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @org.jboss.resteasy.reactive.RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public io.smallrye.mutiny.Multi<dev.claimdesk.webui.service.LiveQueues.Notice> events() {
        return live.of(Pages.session(caller).username());
    }

    @GET
    @Path("/tasks/{id}")
    @Operation(hidden = true)
    public Response task(@PathParam("id") String id) {
        return taskPage(200, id, Draft.empty(), null);
    }

    @POST
    @Path("/tasks/{id}/verdict")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response verdict(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("rating") String rating,
                            @FormParam("explanation") String explanation, @FormParam("url") List<String> urls,
                            @FormParam("excerpt") List<String> excerpts, @FormParam("taskVersion") String taskVersion,
                            @FormParam("key") String key) {
        ActiveSession session = Pages.session(caller);
        List<String[]> evidence = new ArrayList<>();
        List<Map<String, String>> sources = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i).strip();
            String excerpt = i < excerpts.size() ? excerpts.get(i).strip() : "";
            evidence.add(new String[] {url, excerpt});
            if (!url.isEmpty()) {
                Map<String, String> source = new LinkedHashMap<>();
                source.put("url", url);
                if (!excerpt.isEmpty()) {
                    source.put("excerpt", excerpt);
                }
                sources.add(source);
            }
        }
        while (evidence.size() < EVIDENCE_ROWS) {
            evidence.add(new String[] {"", ""});
        }
        Draft draft = new Draft(rating == null ? "" : rating, explanation == null ? "" : explanation, evidence,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return taskPage(403, id, draft, "This form has expired. Nothing was submitted; your text is kept below.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("explanation", explanation);
        body.put("sources", sources);
        try {
            body.put("taskVersion", Long.parseLong(taskVersion));
        } catch (NumberFormatException | NullPointerException e) {
            body.put("taskVersion", taskVersion);
        }
        Backends.Answer answer = backends.post(Service.REVIEW, "/api/tasks/" + path(id) + "/verdict", body, draft.key(),
                session.username(), session.roles());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/desk?done=" + path(id))).header("Cache-Control", "no-store").build();
        }
        return taskPage(answer.status(), id, draft, answer.detail());
    }

    private Response taskPage(int status, String id, Draft draft, String error) {
        ActiveSession session = Pages.session(caller);
        Backends.Answer task = backends.get(Service.REVIEW, "/api/tasks/" + path(id), session.username(), session.roles());
        if (task.status() == 404) {
            throw ProblemException.notFound("Task", id);
        }
        if (!task.ok()) {
            throw new ProblemException(502, "service-refused", "Review service refused", task.detail());
        }
        JsonNode t = task.body();
        JsonNode lead = t.path("claims").path(0);
        Context context = context(lead.path("id").asText(), session);
        List<Telling> others = new ArrayList<>();
        for (JsonNode c : t.path("claims")) {
            if (!c.path("id").asText().equals(lead.path("id").asText())) {
                others.add(new Telling(c.path("articleId").asText(), c.path("type").asText(), c.path("text").asText()));
            }
        }
        List<String> conflicts = new ArrayList<>();
        Backends.Answer cluster = backends.get(Service.CLAIMS, "/api/clusters/" + t.path("clusterId").asText(), session.username(),
                session.roles());
        if (cluster.ok()) {
            cluster.body().path("conflicts").forEach(c -> conflicts.add(c.path("detail").asText()));
        }
        List<Rating> ratings = new ArrayList<>();
        Backends.Answer reviews = backends.get(Service.REVIEW, "/api/tasks/" + path(id) + "/reviews", session.username(), session.roles());
        if (reviews.ok()) {
            reviews.body().forEach(r -> ratings.add(new Rating(r.path("stage").asText(), r.path("reviewer").asText(),
                    r.path("rating").asText(), r.path("explanation").asText())));
        }
        String verdict = t.path("verdict").isObject() ? t.path("verdict").path("rating").asText() : null;
        return Pages.html(status, Templates.task(session.username(), session.csrfToken(), Row.of(t), t.path("id").asText(),
                t.path("version").asLong(), t.path("assignee").asText(null), context, others, conflicts, ratings, verdict, RATINGS,
                draft, error));
    }

    /** The lead claim inside its article's clean text, by the offsets claims-service gives. */
    private Context context(String claimId, ActiveSession session) {
        Backends.Answer claim = backends.get(Service.CLAIMS, "/api/claims/" + path(claimId), session.username(), session.roles());
        if (!claim.ok()) {
            return null;
        }
        JsonNode c = claim.body();
        Backends.Answer article = backends.get(Service.INGEST, "/api/articles/" + c.path("articleId").asText(), session.username(),
                session.roles());
        if (!article.ok()) {
            return null;
        }
        JsonNode a = article.body();
        String text = a.path("cleanText").asText();
        int start = clamp(c.path("start").asInt(), text);
        int end = clamp(c.path("end").asInt(), text);
        int figureStart = end;
        int figureEnd = end;
        if (c.path("quantity").isObject()) {
            figureStart = Math.max(start, clamp(c.path("quantity").path("start").asInt(), text));
            figureEnd = Math.min(end, Math.max(figureStart, clamp(c.path("quantity").path("end").asInt(), text)));
        }
        List<String> removed = new ArrayList<>();
        a.path("removed").forEach(r -> removed.add(r.path("kind").asText() + ": " + r.path("text").asText()));
        return new Context(a.path("outlet").asText(), a.path("title").asText(), a.path("url").asText(null), text.substring(0, start),
                text.substring(start, figureStart), text.substring(figureStart, figureEnd), text.substring(figureEnd, end),
                text.substring(end), removed);
    }


    private static int clamp(int offset, String text) {
        return Math.max(0, Math.min(text.length(), offset));
    }

    /** An id as a path segment: only a UUID's characters pass, so a crafted id cannot change the service path. */
    private static String path(String id) {
        return dev.claimdesk.commons.rest.Requests.id(id, "Task").toString();
    }

}
