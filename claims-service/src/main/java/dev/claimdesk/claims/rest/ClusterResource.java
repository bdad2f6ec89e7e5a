package dev.claimdesk.claims.rest;

import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.service.ClaimQueries;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A cluster: the same claim told by several articles, its sources, verdict and conflicting figures. */
@Path("/api/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
public class ClusterResource {

    private final ClaimQueries queries;

    ClusterResource(ClaimQueries queries) {
        this.queries = queries;
    }

    public record ClusterView(UUID id, List<UUID> claimIds, List<UUID> articleIds, List<String> sources,
                              int independentSources, ClaimQueries.Verdict verdict, List<ConflictView> conflicts) {
    }

    public record ConflictView(UUID id, UUID clusterId, List<UUID> claimIds, String kind, String detail) {
        static ConflictView of(Conflict c) {
            return new ConflictView(c.id, c.clusterId, List.of(c.claimA, c.claimB), c.kind, c.detail);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One cluster; independentSources counts an article and its copies once")
    public ClusterView get(@PathParam("id") String id) {
        ClaimQueries.ClusterView view = queries.cluster(Ids.parse(id, "Cluster"))
                .orElseThrow(() -> ProblemException.notFound("Cluster", id));
        return new ClusterView(view.cluster().id, view.claimIds(), view.articleIds(), view.sources(),
                view.independentSources(), ClaimQueries.Verdict.of(view.cluster()),
                view.conflicts().stream().map(ConflictView::of).toList());
    }
}
