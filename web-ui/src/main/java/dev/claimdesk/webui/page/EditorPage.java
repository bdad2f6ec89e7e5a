package dev.claimdesk.webui.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.Backends;
import dev.claimdesk.webui.service.Backends.Service;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * What editors look at: the articles with their fact-check coverage, an article's report, the verdict feed, and a
 * verdict's ClaimReview to copy.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN})
public class EditorPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Backends backends;
    private final SecurityIdentity caller;

    EditorPage(Backends backends, SecurityIdentity caller) {
        this.backends = backends;
        this.caller = caller;
    }

    /** A claim of the report, with its verdict when it has one and what backs it. */
    public record Line(String claimId, String type, String text, String status, String taskId, String rating, boolean ratedApart,
                       String verdictId, Backing backing) {
    }

    /** A published version in the feed, with what backs it. */
    public record Item(String id, int version, long sequence, String rating, String claimReviewed, String publishedAt,
                       String reviewers, Integer correctionOf, Backing backing) {
        public String publishedText() {
            return Pages.minute(publishedAt);
        }
    }

    /** What backs a verdict: each reviewer's rating and explanation, and the evidence. */
    public record Backing(String explanation, List<Note> reviews, List<Evidence> evidence) {
        static Backing of(JsonNode verdict) {
            List<Note> reviews = new ArrayList<>();
            verdict.path("reviews").forEach(r -> reviews.add(new Note(r.path("reviewer").asText(), r.path("rating").asText(),
                    r.path("explanation").asText())));
            List<Evidence> evidence = new ArrayList<>();
            verdict.path("sources").forEach(s -> evidence.add(new Evidence(s.path("url").asText(), s.path("excerpt").asText(""))));
            return new Backing(verdict.path("explanation").asText(""), reviews, evidence);
        }
    }

    public record Note(String reviewer, String rating, String explanation) {
    }

    public record Evidence(String url, String excerpt) {
    }

    /** An article with its fact-check coverage. */
    public record Covered(String id, String title, String outlet, String publishedAt, Integer claims, Integer checked, String worst) {
    }

    /** A claim a draft would raise. */
    public record Raised(String type, String text, double checkworthiness, String figure, String speaker, List<String> why) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance draft(String username, String csrf, String text, List<Raised> claims, String status,
                                             String error);

        static native TemplateInstance articles(String username, String csrf, List<Covered> articles, Integer newer, Integer older);

        static native TemplateInstance report(String username, String csrf, String articleId, String title, String outlet, String url,
                                              int claims, int checked, String worstRating, List<Line> lines, boolean desk);

        static native TemplateInstance feed(String username, String csrf, List<Item> items, String after, String next);

        static native TemplateInstance claimReview(String username, String csrf, String verdictId, String json);
    }

    /** Check a draft before publication: the claims it would raise, most check-worthy first; nothing is stored. */
    @GET
    @Path("drafts")
    @Operation(hidden = true)
    public Response draftForm() {
        ActiveSession session = Pages.session(caller);
        return Pages.html(200, Templates.draft(session.username(), session.csrfToken(), "", null, null, null));
    }

    @jakarta.ws.rs.POST
    @Path("drafts")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response draft(@jakarta.ws.rs.FormParam("_csrf") String csrf, @jakarta.ws.rs.FormParam("text") String text) {
        ActiveSession session = Pages.session(caller);
        String draft = text == null ? "" : text;
        if (!dev.claimdesk.webui.service.Secrets.same(csrf, session.csrfToken())) {
            return Pages.html(200, Templates.draft(session.username(), session.csrfToken(), draft, null, null,
                    "This form has expired. Nothing was checked; your text is kept below."));
        }
        Backends.Answer answer = backends.post(Service.CLAIMS, "/api/claims/extract", java.util.Map.of("text", draft), null,
                session.username(), session.roles());
        if (!answer.ok()) {
            return Pages.html(200, Templates.draft(session.username(), session.csrfToken(), draft, null, null, answer.detail()));
        }
        List<Raised> claims = new ArrayList<>();
        answer.body().path("items").forEach(c -> claims.add(new Raised(c.path("type").asText(), c.path("text").asText(),
                c.path("checkworthiness").asDouble(), c.path("quantity").path("text").asText(null), c.path("speaker").asText(null),
                DeskPage.Row.reasons(c))));
        claims.sort(java.util.Comparator.comparingDouble(Raised::checkworthiness).reversed());
        return Pages.html(200, Templates.draft(session.username(), session.csrfToken(), draft, claims,
                answer.body().path("status").asText(null), null));
    }

    /** The latest articles with how many of their claims are checked and the worst rating so far. */
    @GET
    @Path("articles")
    @Operation(hidden = true)
    public Response articles(@QueryParam("page") Integer page) {
        ActiveSession session = Pages.session(caller);
        int p = page == null || page < 0 ? 0 : page;
        Backends.Answer list = backends.get(Service.INGEST, "/api/articles?size=20&page=" + p, session.username(), session.roles());
        if (!list.ok()) {
            throw new ProblemException(502, "service-refused", "Ingest service refused", list.detail());
        }
        List<Covered> articles = new ArrayList<>();
        for (JsonNode a : list.body().path("items")) {
            Backends.Answer report = backends.get(Service.REVIEW, "/api/reports/" + a.path("id").asText(), session.username(),
                    session.roles());
            JsonNode r = report.ok() ? report.body() : null;
            articles.add(new Covered(a.path("id").asText(), a.path("title").asText(), a.path("outlet").asText(),
                    a.path("publishedAt").asText(null), r == null ? null : r.path("claims").asInt(),
                    r == null ? null : r.path("checked").asInt(), r == null ? null : r.path("worstRating").asText(null)));
        }
        boolean more = (p + 1) * 20L < list.body().path("total").asLong();
        return Pages.html(200, Templates.articles(session.username(), session.csrfToken(), articles, p > 0 ? p - 1 : null, more ? p + 1 : null));
    }

    @GET
    @Path("reports/{articleId}")
    @Operation(hidden = true)
    public Response report(@PathParam("articleId") String articleId) {
        ActiveSession session = Pages.session(caller);
        Backends.Answer report = backends.get(Service.REVIEW, "/api/reports/" + Requests.id(articleId, "Article"),
                session.username(), session.roles());
        if (report.status() == 404) {
            throw ProblemException.notFound("Report of article", articleId);
        }
        Pages.refusedByReview(report);
        JsonNode r = report.body();
        List<Line> lines = new ArrayList<>();
        r.path("items").forEach(l -> {
            JsonNode v = l.path("verdict");
            lines.add(new Line(l.path("claimId").asText(), l.path("type").asText(), l.path("text").asText(), l.path("status").asText(),
                    l.path("taskId").asText(null), v.path("rating").asText(null), v.path("ratedApart").asBoolean(),
                    v.path("verdictId").asText(null), v.isObject() ? Backing.of(v) : null));
        });
        Backends.Answer article = backends.get(Service.INGEST, "/api/articles/" + Requests.id(articleId, "Article"), session.username(),
                session.roles());
        String title = article.ok() ? article.body().path("title").asText(null) : null;
        // the task behind each claim is a desk page: linked for those who may open it
        boolean desk = session.roles().contains(Roles.REVIEWER) || session.roles().contains(Roles.ADMIN);
        return Pages.html(200, Templates.report(session.username(), session.csrfToken(), articleId, title, r.path("outlet").asText(),
                r.path("url").asText(null), r.path("claims").asInt(), r.path("checked").asInt(), r.path("worstRating").asText(null), lines,
                desk));
    }

    @GET
    @Path("verdicts")
    @Operation(hidden = true)
    public Response feed(@QueryParam("after") String after) {
        ActiveSession session = Pages.session(caller);
        String cursor = after == null || !after.matches("\\d{1,18}") ? "0" : after;
        Backends.Answer feed = backends.get(Service.REVIEW, "/api/verdicts?size=50&after=" + cursor, session.username(), session.roles());
        Pages.refusedByReview(feed);
        List<Item> items = new ArrayList<>();
        feed.body().path("items").forEach(v -> {
            List<String> reviewers = new ArrayList<>();
            v.path("reviewers").forEach(x -> reviewers.add(x.asText()));
            items.add(new Item(v.path("id").asText(), v.path("version").asInt(), v.path("sequence").asLong(), v.path("rating").asText(),
                    v.path("claimReviewed").asText(), v.path("publishedAt").asText(), String.join(", ", reviewers),
                    v.path("correctionOf").isNumber() ? v.path("correctionOf").asInt() : null, Backing.of(v)));
        });
        return Pages.html(200, Templates.feed(session.username(), session.csrfToken(), items, cursor, feed.body().path("next").asText(cursor)));
    }

    @GET
    @Path("verdicts/{id}/claimreview")
    @Operation(hidden = true)
    public Response claimReview(@PathParam("id") String id) throws Exception {
        ActiveSession session = Pages.session(caller);
        Backends.Answer review = backends.get(Service.REVIEW, "/api/verdicts/" + Requests.id(id, "Verdict") + "/claimreview",
                session.username(), session.roles());
        if (review.status() == 404) {
            throw ProblemException.notFound("Verdict", id);
        }
        Pages.refusedByReview(review);
        return Pages.html(200, Templates.claimReview(session.username(), session.csrfToken(), id,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(review.body())));
    }



}
