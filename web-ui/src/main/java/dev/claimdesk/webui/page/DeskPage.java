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

    /** A task as a line of a queue, shown by the claim it is reviewed as. */
    public record Row(String id, double priority, String due, boolean overdue, String stage, String claimId, String type,
                      String text, int sources, boolean conflicted, boolean casualties, String waitingReason, String waitingDetail,
                      double checkworthiness, List<String> why, String speaker) {
        /** The due time as a reader takes it in at a glance. */
        public String dueText() {
            return Pages.minute(due);
        }

        /** The claim in a page title or heading: its first words, cut at a word. */
        public String shortText() {
            return DeskPage.shortText(text);
        }

        /** The stage in words. */
        public String stageText() {
            return switch (stage) {
                case "FIRST_REVIEW" -> "first review";
                case "SECOND_REVIEW" -> "second review (blind)";
                case "ESCALATED" -> "senior review";
                default -> stage.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            };
        }

        /** Waiting for something only an admin can give: a reviewer with the skill, a senior, another reviewer. */
        public boolean stuck() {
            return waitingReason != null && !waitingReason.equals("ALL_AT_CAPACITY") && !waitingReason.equals("ABOUT_TO_BE_ROUTED");
        }

        static Row of(JsonNode t) {
            JsonNode lead = lead(t);
            java.util.Set<String> articles = new java.util.HashSet<>();
            boolean conflicted = false;
            boolean casualties = false;
            for (JsonNode c : t.path("claims")) {
                articles.add(c.path("articleId").asText());
                conflicted |= c.path("conflicted").asBoolean();
                casualties |= c.path("casualties").asBoolean();
            }
            return new Row(t.path("id").asText(), t.path("priority").asDouble(), t.path("dueAt").asText(),
                    t.path("overdue").asBoolean(), t.path("stage").asText(), lead.path("id").asText(), lead.path("type").asText(),
                    lead.path("text").asText(),
                    articles.size(), conflicted, casualties, t.path("waiting").path("reason").asText(null),
                    t.path("waiting").path("detail").asText(null), lead.path("checkworthiness").asDouble(), reasons(lead),
                    lead.path("speaker").asText(null));
        }

        /** The signals that ranked the claim, as a reviewer reads them: "casualties +0.25", "opinion −0.25". */
        static List<String> reasons(JsonNode claim) {
            List<String> why = new ArrayList<>();
            claim.path("checkworthinessReasons").forEach(r -> why.add(r.path("signal").asText() + " "
                    + (r.path("weight").asDouble() >= 0 ? "+" : "\u2212") + "%.2f".formatted(Math.abs(r.path("weight").asDouble()))));
            return why;
        }
    }

    /**
     * The claim review-service reviews the task as (its leadClaimId): the one the desk shows and the verdict names.
     * The first claim only for a task from a review-service that names none.
     */
    static JsonNode lead(JsonNode task) {
        String id = task.path("leadClaimId").asText("");
        for (JsonNode c : task.path("claims")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        return task.path("claims").path(0);
    }

    /** The article's clean text cut around the claim's sentence and, inside it, its figure. */
    public record Context(String outlet, String title, String url, String before, String sentenceStart, String figure,
                          String sentenceEnd, String after, List<String> removed) {
    }

    /**
     * A claim of the task's cluster as one outlet told it: its sentence cut around the figure, what claims-service
     * read from it, and whether it is the claim the task leads with.
     */
    public record Telling(String claimId, String articleId, String outlet, String type, String before, String figure, String after,
                          String reading, String status, boolean lead) {
        public String shortText() {
            return DeskPage.shortText(before + (figure == null ? "" : figure) + after);
        }

        static Telling of(JsonNode claim, String outlet, boolean lead) {
            String text = claim.path("text").asText();
            JsonNode q = claim.path("quantity");
            int from = text.length();
            int to = text.length();
            if (q.isObject()) {
                int start = claim.path("start").asInt();
                from = Math.max(0, Math.min(text.length(), q.path("start").asInt() - start));
                to = Math.max(from, Math.min(text.length(), q.path("end").asInt() - start));
            }
            return new Telling(claim.path("id").asText(), claim.path("articleId").asText(), outlet, claim.path("type").asText(),
                    text.substring(0, from), text.substring(from, to), text.substring(to), reading(claim),
                    claim.path("status").asText(), lead);
        }

        /** What the engine read: figure with qualifier and unit, speaker, places. */
        private static String reading(JsonNode c) {
            List<String> parts = new ArrayList<>();
            JsonNode q = c.path("quantity");
            if (q.isObject()) {
                String value = q.path("low").isNumber() && q.path("high").isNumber()
                        ? number(q.path("low")) + "–" + number(q.path("high")) : number(q.path("value"));
                parts.add(q.path("qualifier").asText("EXACT").toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + value
                        + (q.path("unit").isTextual() ? " " + q.path("unit").asText() : ""));
            }
            if (c.path("speaker").isTextual()) {
                parts.add("speaker " + c.path("speaker").asText());
            }
            List<String> places = new ArrayList<>();
            c.path("places").forEach(p -> places.add(p.asText()));
            if (!places.isEmpty()) {
                parts.add("at " + String.join(", ", places));
            }
            return String.join(" · ", parts);
        }
    }

    /** A claim's correctable fields as the correction form shows them. */
    public record ClaimForm(String type, String value, String low, String high, String qualifier, String unit, String speaker,
                            String places, String reason, String status) {
        static ClaimForm of(JsonNode c) {
            JsonNode q = c.path("quantity");
            List<String> places = new ArrayList<>();
            c.path("places").forEach(p -> places.add(p.asText()));
            return new ClaimForm(c.path("type").asText(), q.isObject() ? number(q.path("value")) : "",
                    q.path("low").isNumber() ? number(q.path("low")) : "", q.path("high").isNumber() ? number(q.path("high")) : "",
                    q.isObject() ? q.path("qualifier").asText() : "EXACT", q.path("unit").asText(""), c.path("speaker").asText(""),
                    String.join(", ", places), "", c.path("status").asText());
        }
    }

    static final List<String> TYPES = List.of("STATISTIC", "MILITARY_ACTION", "QUOTE", "EVENT");
    static final List<String> QUALIFIERS = List.of("EXACT", "AT_LEAST", "MORE_THAN", "UP_TO", "ABOUT", "NEARLY", "LESS_THAN",
            "BETWEEN");
    /** A claim in a page title or heading: its first words, cut at a word. */
    static String shortText(String text) {
        if (text.length() <= 90) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 88);
        return text.substring(0, cut > 40 ? cut : 88) + "…";
    }

    /** Tellings of other outlets shown in full beside the lead; more are listed with a link to each claim. */
    private static final int SIDE_BY_SIDE = 6;

    private static String number(JsonNode n) {
        double v = n.asDouble();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** An earlier rating, shown once the reviewer may see it. */
    public record Rating(String stage, String reviewer, String rating, String apart, String explanation) {
    }

    /** What the reviewer typed, kept when a submission fails; {@code apart}: claim id → its own rating. */
    public record Draft(String rating, String explanation, List<String[]> evidence, String key, Map<String, String> apart) {
        static Draft empty() {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < EVIDENCE_ROWS; i++) {
                rows.add(new String[] {"", ""});
            }
            return new Draft("", "", rows, UUID.randomUUID().toString(), Map.of());
        }

        public String apartRating(String claimId) {
            return apart.getOrDefault(claimId, "");
        }
    }

    /** A claim whose figure disagrees with the lead's: the verdict form asks for its own rating. */
    public record Apart(String claimId, String outlet, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(String username, String csrf, List<Row> mine, List<Row> waiting, String submitted);

        static native TemplateInstance task(String username, String csrf, Row task, String taskId, String clusterId, long version,
                                            String assignee, Context context, List<Telling> others, List<Telling> more,
                                            List<Telling> members, List<String> conflicts, List<Rating> ratings, String verdict,
                                            List<String> ratingsScale, Draft draft, String error, String notice,
                                            List<AuditLines.Line> history, List<Apart> apart);

        static native TemplateInstance claim(String username, String csrf, String taskId, Telling claim, ClaimForm form,
                                             List<String> types, List<String> qualifiers, String error);
    }

    @GET
    @Operation(hidden = true)
    public Response queue(@jakarta.ws.rs.QueryParam("done") String done, @jakarta.ws.rs.QueryParam("went") String went) {
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
        return Pages.html(200, Templates.queue(session.username(), session.csrfToken(), own, desk, done == null ? null : submitted(went)));
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
    public Response task(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("corrected") String corrected) {
        return taskPage(200, id, Draft.empty(), null, notice(corrected));
    }

    private static String notice(String corrected) {
        return switch (corrected == null ? "" : corrected) {
            case "claim" -> "The claim is corrected; the change is in the audit trail.";
            case "split" -> "The claims you picked now form a cluster of their own, with a task of their own.";
            case "merge" -> "The clusters are merged; their claims are reviewed as one.";
            default -> null;
        };
    }

    /** Split claims off the task's cluster into a cluster of their own. */
    @POST
    @Path("/tasks/{id}/split")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response split(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("clusterId") String clusterId,
                          @FormParam("claimId") List<String> claimIds, @FormParam("reason") String reason, @FormParam("key") String key) {
        ActiveSession session = Pages.session(caller);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return taskPage(403, id, Draft.empty(), "This form has expired. Nothing was split.", null);
        }
        if (claimIds.isEmpty()) {
            return taskPage(400, id, Draft.empty(), "Pick the claims to split off.", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimIds", claimIds);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        Backends.Answer answer = backends.post(Service.CLAIMS, "/api/clusters/" + path(clusterId, "Cluster") + "/split", body, key,
                session.username(), session.roles());
        return answer.ok() ? corrected(id, "split") : taskPage(answer.status(), id, Draft.empty(), answer.detail(), null);
    }

    /** Merge the task's cluster with another one the reviewer names. */
    @POST
    @Path("/tasks/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response merge(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("clusterId") String clusterId,
                          @FormParam("other") String other, @FormParam("reason") String reason) {
        ActiveSession session = Pages.session(caller);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return taskPage(403, id, Draft.empty(), "This form has expired. Nothing was merged.", null);
        }
        UUID otherCluster;
        try {
            otherCluster = UUID.fromString(other == null ? "" : other.strip());
        } catch (IllegalArgumentException e) {
            return taskPage(400, id, Draft.empty(), "Give the id of the cluster to merge with, as its task page shows it.", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusterIds", List.of(path(clusterId, "Cluster").toString(), otherCluster.toString()));
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        Backends.Answer answer = backends.post(Service.CLAIMS, "/api/clusters/merge", body, null, session.username(), session.roles());
        return answer.ok() ? corrected(id, "merge") : taskPage(answer.status(), id, Draft.empty(), answer.detail(), null);
    }

    /** One claim of the task's cluster, to correct what extraction read or to dismiss it as not a claim. */
    @GET
    @Path("/tasks/{id}/claims/{claimId}")
    @Operation(hidden = true)
    public Response claim(@PathParam("id") String id, @PathParam("claimId") String claimId) {
        ActiveSession session = Pages.session(caller);
        JsonNode claim = claimOf(claimId, session);
        return claimPage(200, session, id, claim, ClaimForm.of(claim), null);
    }

    @POST
    @Path("/tasks/{id}/claims/{claimId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response correct(@PathParam("id") String id, @PathParam("claimId") String claimId, @FormParam("_csrf") String csrf,
                            @FormParam("action") String action, @FormParam("type") String type, @FormParam("value") String value,
                            @FormParam("low") String low, @FormParam("high") String high, @FormParam("qualifier") String qualifier,
                            @FormParam("unit") String unit, @FormParam("speaker") String speaker, @FormParam("places") String places,
                            @FormParam("reason") String reason) {
        ActiveSession session = Pages.session(caller);
        JsonNode claim = claimOf(claimId, session);
        ClaimForm typed = new ClaimForm(blank(type), blank(value), blank(low), blank(high), blank(qualifier), blank(unit), blank(speaker),
                blank(places), blank(reason), claim.path("status").asText());
        if (!Secrets.same(csrf, session.csrfToken())) {
            return claimPage(403, session, id, claim, typed, "This form has expired. Nothing was changed; what you typed is kept.");
        }
        Map<String, Object> body;
        try {
            body = "dismiss".equals(action) ? Map.of("status", "DISMISSED", "reason", typed.reason())
                    : "restore".equals(action) ? Map.of("status", "PENDING", "reason", typed.reason())
                    : changes(ClaimForm.of(claim), typed);
        } catch (NumberFormatException e) {
            return claimPage(400, session, id, claim, typed, "Figures are numbers, such as 1370 or 2.5.");
        }
        if (body.isEmpty()) {
            return claimPage(400, session, id, claim, typed, "Nothing was changed.");
        }
        Backends.Answer answer = backends.patch(Service.CLAIMS, "/api/claims/" + path(claimId, "Claim"), body, session.username(),
                session.roles());
        return answer.ok() ? corrected(id, "claim") : claimPage(answer.status(), session, id, claim, typed, answer.detail());
    }

    /** Only what the reviewer changed goes to claims-service, so the audit shows the correction and nothing else. */
    private static Map<String, Object> changes(ClaimForm was, ClaimForm now) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!now.type().equals(was.type())) {
            body.put("type", now.type());
        }
        boolean figure = !now.value().equals(was.value()) || !now.low().equals(was.low()) || !now.high().equals(was.high())
                || !now.qualifier().equals(was.qualifier()) || !now.unit().equals(was.unit());
        if (figure && !now.value().isEmpty()) {
            Map<String, Object> quantity = new LinkedHashMap<>();
            quantity.put("value", Double.parseDouble(now.value()));
            if (!now.low().isEmpty()) {
                quantity.put("low", Double.parseDouble(now.low()));
            }
            if (!now.high().isEmpty()) {
                quantity.put("high", Double.parseDouble(now.high()));
            }
            quantity.put("qualifier", now.qualifier());
            if (!now.unit().isEmpty()) {
                quantity.put("unit", now.unit());
            }
            body.put("quantity", quantity);
        }
        if (!now.speaker().equals(was.speaker())) {
            body.put("speaker", now.speaker().isEmpty() ? null : now.speaker());
        }
        if (!now.places().equals(was.places())) {
            body.put("places", java.util.Arrays.stream(now.places().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        }
        if (!body.isEmpty() && !now.reason().isEmpty()) {
            body.put("reason", now.reason());
        }
        return body;
    }

    private JsonNode claimOf(String claimId, ActiveSession session) {
        Backends.Answer claim = backends.get(Service.CLAIMS, "/api/claims/" + path(claimId, "Claim"), session.username(), session.roles());
        if (claim.status() == 404) {
            throw ProblemException.notFound("Claim", claimId);
        }
        if (!claim.ok()) {
            throw new ProblemException(502, "service-refused", "Claims service refused", claim.detail());
        }
        return claim.body();
    }

    private Response claimPage(int status, ActiveSession session, String taskId, JsonNode claim, ClaimForm form, String error) {
        return Pages.html(status, Templates.claim(session.username(), session.csrfToken(), path(taskId).toString(),
                Telling.of(claim, null, false), form, TYPES, QUALIFIERS, error));
    }

    private static Response corrected(String taskId, String what) {
        return Response.seeOther(URI.create("/desk/tasks/" + path(taskId) + "?corrected=" + what)).header("Cache-Control", "no-store")
                .build();
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    @POST
    @Path("/tasks/{id}/verdict")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response verdict(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("rating") String rating,
                            @FormParam("explanation") String explanation, @FormParam("url") List<String> urls,
                            @FormParam("excerpt") List<String> excerpts, @FormParam("taskVersion") String taskVersion,
                            @FormParam("claimId") String claimId, @FormParam("key") String key,
                            @FormParam("apartClaim") List<String> apartClaims, @FormParam("apartRating") List<String> apartRatings) {
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
        Map<String, String> apart = new LinkedHashMap<>();
        List<Map<String, String>> claimRatings = new ArrayList<>();
        for (int i = 0; i < apartClaims.size(); i++) {
            String own = i < apartRatings.size() ? apartRatings.get(i) : "";
            apart.put(apartClaims.get(i), own);
            // an unrated figure is sent unrated: review-service names the claims still to rate
            if (!own.isBlank()) {
                claimRatings.add(Map.of("claimId", apartClaims.get(i), "rating", own));
            }
        }
        Draft draft = new Draft(rating == null ? "" : rating, explanation == null ? "" : explanation, evidence,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key, apart);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return taskPage(403, id, draft, "This form has expired. Nothing was submitted; your text is kept below.", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("explanation", explanation);
        body.put("sources", sources);
        body.put("claimRatings", claimRatings);
        // the claim this reviewer was shown: review-service refuses the rating if the task now leads with another
        body.put("claimId", claimId == null || claimId.isBlank() ? null : claimId);
        try {
            body.put("taskVersion", Long.parseLong(taskVersion));
        } catch (NumberFormatException | NullPointerException e) {
            body.put("taskVersion", taskVersion);
        }
        Backends.Answer answer = backends.post(Service.REVIEW, "/api/tasks/" + path(id) + "/verdict", body, draft.key(),
                session.username(), session.roles());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/desk?done=" + path(id) + "&went=" + went(answer.body())))
                    .header("Cache-Control", "no-store").build();
        }
        String type = answer.body().path("type").asText("");
        if (answer.status() == 409 && (type.endsWith("/stale-version") || type.endsWith("/lead-changed"))) {
            return taskPage(409, id, draft, changedSince(id, taskVersion, session) + " Your draft is kept below and the form "
                    + "now holds the task as it stands: check the claim, then press Ctrl+Enter to submit again.", null);
        }
        return taskPage(answer.status(), id, draft, answer.detail(), null);
    }

    /** What happened to a task after the version a reviewer opened, in words, from its audit trail. */
    private String changedSince(String id, String taskVersion, ActiveSession session) {
        long opened;
        try {
            opened = Long.parseLong(taskVersion);
        } catch (NumberFormatException | NullPointerException e) {
            opened = 0;
        }
        java.util.Set<String> changes = new java.util.LinkedHashSet<>();
        Backends.Answer audit = backends.get(Service.REVIEW, "/api/tasks/" + path(id) + "/audit", session.username(), session.roles());
        if (audit.ok()) {
            for (JsonNode e : audit.body()) {
                JsonNode after = AuditLines.json(e.path("after").asText(""));
                if (after.path("version").asLong(0) > opened) {
                    changes.add(switch (e.path("action").asText()) {
                        case "task.lead-changed" -> "the claim under review changed (its telling left the cluster)";
                        case "task.claims-corrected" -> e.path("actor").asText() + " corrected its claims";
                        case "task.reprioritised" -> "its priority changed";
                        case "task.reassigned", "task.assigned" -> "it was reassigned";
                        case "task.second-review", "task.escalated" -> "it moved on to another stage";
                        default -> "its record changed (" + e.path("action").asText() + ")";
                    });
                }
            }
        }
        return "This task changed after you opened it: " + (changes.isEmpty()
                ? "an outlet's telling of the claim was added, revised or corrected" : String.join("; ", changes)) + ".";
    }

    /** Where a rating took the task, by the stage review-service answered with. */
    private static String went(JsonNode task) {
        return switch (task.path("stage").asText()) {
            case "SECOND_REVIEW" -> "second-review";
            case "ESCALATED" -> "escalated";
            default -> "published";
        };
    }

    /** What the queue tells a reviewer who has just rated a task. */
    static String submitted(String went) {
        return switch (went == null ? "" : went) {
            case "published" -> "Verdict published: editors see it in the feed now.";
            case "second-review" -> "Sent to a second, blind review: this rating or a casualty figure needs two reviewers before it is published.";
            case "escalated" -> "The two ratings differ: the task goes to a senior reviewer, who decides.";
            default -> "Verdict submitted.";
        };
    }

    private Response taskPage(int status, String id, Draft draft, String error, String notice) {
        ActiveSession session = Pages.session(caller);
        Backends.Answer task = backends.get(Service.REVIEW, "/api/tasks/" + path(id), session.username(), session.roles());
        if (task.status() == 404) {
            throw ProblemException.notFound("Task", id);
        }
        if (!task.ok()) {
            throw new ProblemException(502, "service-refused", "Review service refused", task.detail());
        }
        JsonNode t = task.body();
        JsonNode lead = lead(t);
        Context context = context(lead.path("id").asText(), session);
        Map<String, String> outlets = new java.util.HashMap<>();
        t.path("claims").forEach(c -> outlets.put(c.path("id").asText(), c.path("outlet").asText(null)));
        List<Telling> members = new ArrayList<>();
        Backends.Answer told = backends.get(Service.CLAIMS, "/api/claims?size=200&clusterId=" + t.path("clusterId").asText(),
                session.username(), session.roles());
        if (told.ok()) {
            told.body().path("items").forEach(c -> members.add(Telling.of(c, outlets.get(c.path("id").asText()),
                    c.path("id").asText().equals(lead.path("id").asText()))));
        }
        List<Telling> others = members.stream().filter(m -> !m.lead()).toList();
        List<Telling> more = others.size() > SIDE_BY_SIDE ? others.subList(SIDE_BY_SIDE, others.size()) : List.of();
        others = others.subList(0, Math.min(SIDE_BY_SIDE, others.size()));
        List<String> conflicts = new ArrayList<>();
        Backends.Answer cluster = backends.get(Service.CLAIMS, "/api/clusters/" + t.path("clusterId").asText(), session.username(),
                session.roles());
        if (cluster.ok()) {
            cluster.body().path("conflicts").forEach(c -> conflicts.add(c.path("detail").asText()));
        }
        List<Apart> apart = new ArrayList<>();
        t.path("claims").forEach(c -> {
            if (c.path("ratedApart").asBoolean()) {
                apart.add(new Apart(c.path("id").asText(), c.path("outlet").asText("Another outlet"), c.path("text").asText()));
            }
        });
        List<Rating> ratings = new ArrayList<>();
        Backends.Answer reviews = backends.get(Service.REVIEW, "/api/tasks/" + path(id) + "/reviews", session.username(), session.roles());
        if (reviews.ok()) {
            reviews.body().forEach(r -> {
                List<String> own = new ArrayList<>();
                r.path("claimRatings").forEach(cr -> own.add(java.util.Objects.requireNonNullElse(outlets.get(cr.path("claimId").asText()), "another outlet")
                        + "'s figure " + cr.path("rating").asText()));
                ratings.add(new Rating(r.path("stage").asText(), r.path("reviewer").asText(), r.path("rating").asText(),
                        String.join(", ", own), r.path("explanation").asText()));
            });
        }
        String verdict = t.path("verdict").isObject() ? t.path("verdict").path("rating").asText() : null;
        List<AuditLines.Line> history = new ArrayList<>();
        Backends.Answer audit = backends.get(Service.REVIEW, "/api/tasks/" + path(id) + "/audit", session.username(), session.roles());
        if (audit.ok()) {
            audit.body().forEach(e -> history.add(AuditLines.ofReview(e, false)));
        }
        // one call per claim: a large cluster's history shows the corrections of its first claims
        for (Telling member : members.subList(0, Math.min(members.size(), 10))) {
            Backends.Answer corrections = backends.get(Service.CLAIMS, "/api/claims/" + member.claimId() + "/corrections",
                    session.username(), session.roles());
            if (corrections.ok()) {
                corrections.body().forEach(c -> history.add(AuditLines.ofCorrection(c, t.path("id").asText())));
            }
        }
        history.sort(java.util.Comparator.comparing(AuditLines.Line::at));
        return Pages.html(status, Templates.task(session.username(), session.csrfToken(), Row.of(t), t.path("id").asText(),
                t.path("clusterId").asText(), t.path("version").asLong(), t.path("assignee").asText(null), context, others, more,
                members, conflicts, ratings, verdict, RATINGS, draft, error, notice, history, apart));
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
    private static UUID path(String id) {
        return path(id, "Task");
    }

    private static UUID path(String id, String what) {
        return dev.claimdesk.commons.rest.Requests.id(id, what);
    }

}
