package dev.claimdesk.review.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.idempotency.IdempotencyKeys;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.review.AuditEntry;
import dev.claimdesk.review.Review;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.service.Reviews;
import dev.claimdesk.review.service.TaskQueries;
import dev.claimdesk.review.service.Waiting;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Review tasks: a reviewer's own, the desk's, one task, a verdict on it, and the ratings given at its stages. */
@Path("/api/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class TaskResource {

    private static final Set<String> STAGES = Set.of(ReviewTask.FIRST_REVIEW, ReviewTask.SECOND_REVIEW, ReviewTask.ESCALATED,
            ReviewTask.DONE);

    private final TaskQueries queries;
    private final Waiting waiting;
    private final Reviews reviews;
    private final IdempotencyKeys idempotency;
    private final SecurityIdentity caller;

    TaskResource(TaskQueries queries, Waiting waiting, Reviews reviews, IdempotencyKeys idempotency, SecurityIdentity caller) {
        this.queries = queries;
        this.waiting = waiting;
        this.reviews = reviews;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The caller's open tasks, most urgent first")
    public List<TaskView> mine() {
        return views(queries.mine(caller.getPrincipal().getName()));
    }

    @GET
    @Operation(summary = "Tasks by status, stage, assignee or cluster, most urgent first; waiting=true gives the desk queue")
    public Page<TaskView> list(@QueryParam("status") String status, @QueryParam("stage") String stage,
                               @QueryParam("assignee") String assignee, @QueryParam("clusterId") String clusterId,
                               @QueryParam("waiting") boolean waiting,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        if (stage != null && !stage.isBlank() && !STAGES.contains(stage)) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid stage", "stage is one of " + STAGES);
        }
        var result = queries.list(new TaskQueries.Filter(blank(status), blank(stage), blank(assignee),
                        blank(clusterId) == null ? null : Requests.id(clusterId, "Cluster"), waiting),
                paging.page(), paging.size());
        return new Page<>(views(result.tasks()), paging.page(), paging.size(), result.total());
    }

    /** What an admin must act on: tasks no active reviewer can take, whatever their load. */
    public record Unroutable(long total, List<TaskView> items) {
    }

    @GET
    @Path("/unroutable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Waiting tasks that no active reviewer can take (skill, seniority, language, or all rated it), most "
            + "urgent first, with why; also the metric claimdesk_tasks_unroutable")
    public Unroutable unroutable(@QueryParam("size") Integer size) {
        int n = size == null ? 20 : size;
        if (n < 1 || n > 200) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid size", "size is between 1 and 200");
        }
        List<UUID> ids = waiting.unroutable(n);
        List<ReviewTask> tasks = ids.isEmpty() ? List.of() : ReviewTask.<ReviewTask>list("id in ?1", ids).stream()
                .sorted(java.util.Comparator.comparingInt(t -> ids.indexOf(t.id))).toList();
        return new Unroutable(waiting.unroutable(), views(tasks));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One task")
    public TaskView get(@PathParam("id") String id) {
        return view(task(id));
    }

    @POST
    @Path("/{id}/verdict")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Rate the caller's task at its stage: published, or on to a second review or an escalation; "
            + "a stale taskVersion, or a claimId other than the task's leadClaimId, is 409; Idempotency-Key honoured")
    public Response verdict(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key, byte[] raw) {
        UUID taskId = Requests.id(id, "Task");
        JsonNode body = Requests.json(raw);
        Reviews.Submission submission = Submissions.of(body);
        long taskVersion = Submissions.version(body, "taskVersion");
        UUID claimId = Submissions.claimId(body);
        String reviewer = caller.getPrincipal().getName();
        return idempotency.once("verdict:" + taskId + ":" + reviewer, key, raw,
                () -> Response.ok(view(reviews.submit(taskId, reviewer, taskVersion, claimId, submission))).build());
    }

    /**
     * The ratings given on the task. Blind where it matters: a reviewer sees the others' ratings only once they have
     * rated it themselves; an editor once the verdict is out; an admin always.
     */
    @GET
    @Path("/{id}/reviews")
    @Operation(summary = "The ratings given at each stage, shown to a reviewer only after their own")
    public List<ReviewView> reviews(@PathParam("id") String id) {
        ReviewTask task = task(id);
        List<Review> all = Review.list("taskId = ?1 order by submittedAt", task.id);
        String me = caller.getPrincipal().getName();
        boolean sees = caller.hasRole(Roles.ADMIN) || !task.open() && caller.hasRole(Roles.EDITOR)
                || all.stream().anyMatch(r -> r.reviewer.equals(me));
        return all.stream().filter(r -> sees || r.reviewer.equals(me)).map(ReviewView::of).toList();
    }

    /**
     * The task's own audit trail, oldest first. Blind like its ratings: until a reviewer has rated the task
     * themselves, the ratings others gave are left out (an editor sees them once the verdict is out, an admin always).
     */
    @GET
    @Path("/{id}/audit")
    @Operation(summary = "The task's assignments, reviews, escalations, verdicts and corrections, oldest first")
    public List<AuditResource.Entry> audit(@PathParam("id") String id) {
        ReviewTask task = task(id);
        String me = caller.getPrincipal().getName();
        boolean sees = caller.hasRole(Roles.ADMIN) || !task.open() && caller.hasRole(Roles.EDITOR)
                || Review.count("taskId = ?1 and reviewer = ?2", task.id, me) > 0;
        return AuditEntry.<AuditEntry>list("taskId = ?1 order by id", task.id).stream()
                .filter(e -> sees || !"review.submitted".equals(e.action) || me.equals(e.reviewer))
                .map(AuditResource.Entry::of)
                .map(e -> sees ? e : new AuditResource.Entry(e.id(), e.at(), e.actor(), e.action(), e.taskId(), e.reviewer(),
                        withoutRating(e.before()), withoutRating(e.after())))
                .toList();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A state as the audit wrote it, without the rating in it. */
    private static String withoutRating(String state) {
        if (state == null || !state.contains("\"rating\"") && !state.contains("\"claimRatings\"")) {
            return state;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(state);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.remove("rating");
                object.remove("claimRatings");
                return JSON.writeValueAsString(object);
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public record ReviewView(String stage, String reviewer, UUID claimId, String rating,
                             List<dev.claimdesk.review.ClaimRating> claimRatings, String explanation,
                             List<dev.claimdesk.review.Source> sources, Instant submittedAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.stage, r.reviewer, r.claimId, r.rating, r.claimRatings, r.explanation, r.sources, r.submittedAt);
        }
    }

    private ReviewTask task(String id) {
        ReviewTask task = ReviewTask.findById(Requests.id(id, "Task"));
        if (task == null) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    private TaskView view(ReviewTask task) {
        return views(List.of(task)).getFirst();
    }

    private List<TaskView> views(List<ReviewTask> tasks) {
        var claims = queries.claims(tasks);
        var verdicts = queries.verdicts(tasks);
        var outlets = queries.outlets(claims.values().stream().flatMap(List::stream).map(c -> c.articleId).distinct().toList());
        var why = waiting.of(tasks);
        Instant now = Instant.now();
        return tasks.stream().map(t -> TaskView.of(t, claims.getOrDefault(t.clusterId, List.of()), outlets, verdicts.get(t.id),
                why.get(t.id), now)).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
