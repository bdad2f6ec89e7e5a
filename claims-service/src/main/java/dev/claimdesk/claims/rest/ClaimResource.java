package dev.claimdesk.claims.rest;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.service.ClaimQueries;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

    private static final Set<String> TYPES = Set.of("STATISTIC", "MILITARY_ACTION", "QUOTE", "EVENT");
    private static final Set<String> STATUSES = Set.of("PENDING", "IN_REVIEW", "VERDICT", "DISMISSED");

    private final ClaimQueries queries;

    ClaimResource(ClaimQueries queries) {
        this.queries = queries;
    }

    public record ClaimView(UUID id, UUID articleId, int revision, String type, String text, int start, int end,
                            Quantity quantity, String speaker, String attribution, List<String> places,
                            String actor, double checkworthiness, UUID clusterId, String status,
                            ClaimQueries.Verdict verdict) {
        static ClaimView of(Claim c, Map<UUID, ClaimQueries.Verdict> verdicts) {
            return new ClaimView(c.id, c.articleId, c.revision, c.type, c.text, c.start, c.end, c.quantity(), c.speaker,
                    c.attribution, c.places == null ? List.of() : Arrays.asList(c.places), c.actor,
                    Math.round(c.checkworthiness * 1000) / 1000.0, c.clusterId, c.status, verdicts.get(c.clusterId));
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
        Claim claim = Claim.findById(Ids.parse(id, "Claim"));
        if (claim == null) {
            throw ProblemException.notFound("Claim", id);
        }
        return ClaimView.of(claim, queries.verdicts(Set.of(claim.clusterId)));
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
