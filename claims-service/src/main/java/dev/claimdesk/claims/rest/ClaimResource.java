package dev.claimdesk.claims.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.extraction.CheckWorthiness;
import dev.claimdesk.claims.extraction.Measures;
import dev.claimdesk.claims.Correction;
import dev.claimdesk.claims.service.Corrections;
import io.quarkus.security.identity.SecurityIdentity;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.service.ClaimQueries;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The stored claims: the current revision's claims of an article, a cluster's, or all with filters. */
@Path("/api/claims")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
public class ClaimResource {

    private static final Set<String> TYPES = CorrectionRequests.TYPES;
    private static final Set<String> STATUSES = Set.of("PENDING", "IN_REVIEW", "VERDICT", "DISMISSED");

    private final ClaimQueries queries;
    private final Corrections corrections;
    private final SecurityIdentity caller;

    ClaimResource(ClaimQueries queries, Corrections corrections, SecurityIdentity caller) {
        this.queries = queries;
        this.corrections = corrections;
        this.caller = caller;
    }

    public record ClaimView(UUID id, UUID articleId, int revision, String type, String text, int start, int end,
                            Quantity quantity, String speaker, String attribution, List<String> places,
                            String actor, double checkworthiness, UUID clusterId, String status,
                            ClaimQueries.Verdict verdict, String measure, String action,
                            List<CheckWorthiness.Reason> checkworthinessReasons) {
        static ClaimView of(Claim c, Map<UUID, ClaimQueries.Verdict> verdicts) {
            return new ClaimView(c.id, c.articleId, c.revision, c.type, c.text, c.start, c.end, c.quantity(), c.speaker,
                    c.attribution, c.places == null ? List.of() : Arrays.asList(c.places), c.actor,
                    Math.round(c.checkworthiness * 1000) / 1000.0, c.clusterId, c.status,
                    verdicts.containsKey(c.clusterId) ? verdicts.get(c.clusterId).forClaim(c.id) : null,
                    Measures.measure(c.type, c.quantity(), c.text), Measures.action(c.type, c.text),
                    c.checkworthinessReasons == null ? List.of() : c.checkworthinessReasons);
        }
    }

    @GET
    @Operation(summary = "Claims, most check-worthy first; articleId gives the article's current revision")
    public Page<ClaimView> list(@QueryParam("articleId") String articleId, @QueryParam("clusterId") String clusterId,
                                @QueryParam("type") String type, @QueryParam("status") String status,
                                @QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        if (type != null && !type.isBlank() && !TYPES.contains(type)) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid type", "type must be one of " + TYPES);
        }
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid status", "status must be one of " + STATUSES);
        }
        var filter = new ClaimQueries.Filter(uuidParam("articleId", articleId), uuidParam("clusterId", clusterId),
                blank(type), blank(status), blank(q));
        var result = queries.list(filter, paging.page(), paging.size());
        var verdicts = queries.verdicts(result.items().stream().map(c -> c.clusterId).collect(Collectors.toSet()));
        return new Page<>(result.items().stream().map(c -> ClaimView.of(c, verdicts)).toList(), paging.page(), paging.size(),
                result.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One claim")
    public ClaimView get(@PathParam("id") String id) {
        Claim claim = Claim.findById(Requests.id(id, "Claim"));
        if (claim == null) {
            throw ProblemException.notFound("Claim", id);
        }
        return ClaimView.of(claim, queries.verdicts(Set.of(claim.clusterId)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Correct a claim (type, quantity, speaker, places) or dismiss it with a reason; recorded and kept "
            + "when the article is re-extracted")
    public ClaimView correct(@PathParam("id") String id, JsonNode body) {
        Claim claim = corrections.edit(Requests.id(id, "Claim"), CorrectionRequests.claimEdit(body), caller.getPrincipal().getName());
        return ClaimView.of(claim, queries.verdicts(Set.of(claim.clusterId)));
    }

    @GET
    @Path("/{id}/corrections")
    @Operation(summary = "What reviewers corrected on this claim, oldest first")
    public List<CorrectionView> corrections(@PathParam("id") String id) {
        UUID claimId = Requests.id(id, "Claim");
        if (Claim.findById(claimId) == null) {
            throw ProblemException.notFound("Claim", id);
        }
        return Correction.<Correction>list("claimId = ?1 order by at, id", claimId).stream().map(CorrectionView::of).toList();
    }

    public record CorrectionView(UUID id, java.time.Instant at, String actor, String kind, UUID claimId, UUID clusterId,
                                 String reason, Map<String, Object> before, Map<String, Object> after) {
        static CorrectionView of(Correction c) {
            return new CorrectionView(c.id, c.at, c.actor, c.kind, c.claimId, c.clusterId, c.reason, c.before, c.after);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static UUID uuidParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid " + name, name + " must be a UUID");
        }
    }
}
