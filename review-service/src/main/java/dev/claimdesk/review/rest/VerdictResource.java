package dev.claimdesk.review.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.idempotency.IdempotencyKeys;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.service.ClaimReviews;
import dev.claimdesk.review.service.VerdictFeed;
import dev.claimdesk.review.service.Reviews;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published verdicts for editors: the feed of every version in commit order behind an opaque cursor, one verdict,
 * its schema.org ClaimReview, and corrections, each a new version.
 */
@Path("/api/verdicts")
@Tag(name = "Verdicts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class VerdictResource {

    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;

    private final VerdictFeed feed;
    private final Reviews reviews;
    private final ClaimReviews claimReviews;
    private final IdempotencyKeys idempotency;
    private final SecurityIdentity caller;

    VerdictResource(VerdictFeed feed, Reviews reviews, ClaimReviews claimReviews, IdempotencyKeys idempotency,
                    SecurityIdentity caller) {
        this.feed = feed;
        this.reviews = reviews;
        this.claimReviews = claimReviews;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    public record Feed(List<VerdictFeed.Item> items, String next) {
    }

    @GET
    @Operation(summary = "Every published verdict version after the cursor, in commit order; next is the cursor to send "
            + "next time (the same when nothing is new); ETag and If-None-Match honoured")
    public Response feed(@QueryParam("after") String after, @QueryParam("size") Integer size, @Context Request request) {
        long from = cursor(after);
        int n = size == null ? DEFAULT_PAGE : size;
        if (n < 1 || n > MAX_PAGE) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid size", "size is between 1 and " + MAX_PAGE);
        }
        List<VerdictFeed.Item> page = feed.after(from, n);
        long last = page.isEmpty() ? from : page.getLast().sequence();
        // versions never change once published: a page is told apart by where it starts, how far it reaches, its size
        EntityTag tag = new EntityTag("feed-" + from + "-" + last + "-" + page.size() + "-" + n);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.build();
        }
        return Response.ok(new Feed(page, Long.toString(last))).tag(tag).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A verdict's latest version, or ?version= an earlier one")
    public VerdictFeed.Item get(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return view(verdict(id, version));
    }

    @GET
    @Path("/{id}/claimreview")
    @Produces({"application/ld+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The latest version as schema.org ClaimReview JSON-LD")
    public Map<String, Object> claimReview(@PathParam("id") String id) {
        return claimReviews.of(verdict(id, null));
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Correct a published verdict: the body of a verdict plus reason and the version corrected (stale: "
            + "409); publishes a new version; Idempotency-Key honoured")
    public Response correct(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key, byte[] raw) {
        UUID verdictId = Requests.id(id, "Verdict");
        JsonNode body = Requests.json(raw);
        Reviews.Submission submission = Submissions.of(body);
        int version = (int) Submissions.version(body, "version");
        String reason = Submissions.text(body, "reason");
        String actor = caller.getPrincipal().getName();
        boolean admin = caller.hasRole(Roles.ADMIN);
        return idempotency.once("correction:" + verdictId, key, raw, () -> {
            Verdict corrected = reviews.correct(verdictId, actor, admin, version, reason, submission);
            return Response.created(URI.create("/api/verdicts/" + verdictId + "?version=" + corrected.version))
                    .entity(view(corrected)).build();
        });
    }

    private VerdictFeed.Item view(Verdict v) {
        return feed.of(v);
    }

    private static Verdict verdict(String id, Integer version) {
        UUID verdictId = Requests.id(id, "Verdict");
        Verdict v = version == null ? Verdict.latest(verdictId) : Verdict.findById(new Verdict.Key(verdictId, version));
        if (v == null) {
            throw ProblemException.notFound("Verdict", version == null ? id : id + " version " + version);
        }
        return v;
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(after);
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-cursor", "Invalid cursor", "after is a cursor this feed gave as next");
    }
}
