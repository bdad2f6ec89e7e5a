package dev.claimdesk.review.rest;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.review.Reviewer;
import dev.claimdesk.review.service.ReviewerAdmin;
import dev.claimdesk.review.service.ReviewerStats;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The desk's reviewers, kept by admins: skills, languages, capacity, active, senior; their load and agreement. */
@Path("/api/reviewers")
@Tag(name = "Reviewers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReviewerResource {

    public record ReviewerView(UUID id, String username, String displayName, List<String> skills, List<String> languages,
                               int capacity, boolean active, boolean senior, long openTasks) {
        static ReviewerView of(Reviewer r, long openTasks) {
            return new ReviewerView(r.id, r.username, r.displayName, List.of(r.skills), List.of(r.languages), r.capacity, r.active,
                    r.senior, openTasks);
        }
    }

    private final ReviewerAdmin admin;
    private final ReviewerStats stats;
    private final SecurityIdentity caller;

    ReviewerResource(ReviewerAdmin admin, ReviewerStats stats, SecurityIdentity caller) {
        this.admin = admin;
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every reviewer with their open tasks")
    public List<ReviewerView> list() {
        Map<String, Long> load = stats.openTasks();
        return Reviewer.<Reviewer>list("order by username").stream().map(r -> ReviewerView.of(r, load.getOrDefault(r.username, 0L))).toList();
    }

    @GET
    @Path("/skills")
    @Operation(summary = "The skills a reviewer may have: those tasks ask for and the others configured")
    public List<String> skills() {
        return List.copyOf(admin.knownSkills());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a reviewer (a web-ui user with role reviewer); 201")
    public Response create(ReviewerAdmin.Profile profile) {
        Reviewer r = admin.create(profile, caller.getPrincipal().getName());
        return Response.created(URI.create("/api/reviewers/" + r.id)).entity(ReviewerView.of(r, 0)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reviewer")
    public ReviewerView get(@PathParam("id") String id) {
        Reviewer r = Reviewer.findById(Requests.id(id, "Reviewer"));
        if (r == null) {
            throw ProblemException.notFound("Reviewer", id);
        }
        return ReviewerView.of(r, stats.openTasks().getOrDefault(r.username, 0L));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a reviewer's profile")
    public ReviewerView update(@PathParam("id") String id, ReviewerAdmin.Profile profile) {
        Reviewer r = admin.update(Requests.id(id, "Reviewer"), profile, caller.getPrincipal().getName());
        return ReviewerView.of(r, stats.openTasks().getOrDefault(r.username, 0L));
    }

    @GET
    @Path("/agreement")
    @Operation(summary = "Per reviewer: second reviews they took part in, and how often the two ratings agreed")
    public List<ReviewerStats.Agreement> agreement() {
        return stats.agreement();
    }
}
