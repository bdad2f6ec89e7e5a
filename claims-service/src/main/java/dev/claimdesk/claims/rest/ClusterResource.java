package dev.claimdesk.claims.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.service.Corrections;
import dev.claimdesk.commons.idempotency.IdempotencyKeys;
import io.quarkus.security.identity.SecurityIdentity;
import dev.claimdesk.claims.service.ClaimQueries;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A cluster: the same claim told by several articles, its sources, verdict and conflicting figures. */
@Path("/api/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
public class ClusterResource {

    private final ClaimQueries queries;
    private final Corrections corrections;
    private final IdempotencyKeys idempotency;
    private final SecurityIdentity caller;

    ClusterResource(ClaimQueries queries, Corrections corrections, IdempotencyKeys idempotency, SecurityIdentity caller) {
        this.queries = queries;
        this.corrections = corrections;
        this.idempotency = idempotency;
        this.caller = caller;
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
        return view(Requests.id(id, "Cluster"));
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Move these claims of the cluster into a new cluster (201, the new cluster); Idempotency-Key honoured")
    public Response split(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key, byte[] raw) {
        UUID cluster = Requests.id(id, "Cluster");
        JsonNode body = Requests.json(raw);
        List<UUID> claimIds = CorrectionRequests.ids(body, "claimIds");
        return idempotency.once("split:" + cluster, key, raw, () -> {
            UUID created = corrections.split(cluster, claimIds, CorrectionRequests.reason(body), caller.getPrincipal().getName());
            return Response.created(URI.create("/api/clusters/" + created)).entity(view(created)).build();
        });
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Join these clusters into one: the one with a verdict, or the oldest; Idempotency-Key honoured")
    public Response merge(@HeaderParam(IdempotencyKeys.HEADER) String key, byte[] raw) {
        JsonNode body = Requests.json(raw);
        List<UUID> clusterIds = CorrectionRequests.ids(body, "clusterIds");
        return idempotency.once("merge", key, raw, () -> {
            UUID into = corrections.merge(clusterIds, CorrectionRequests.reason(body), caller.getPrincipal().getName());
            return Response.ok(view(into)).build();
        });
    }

    private ClusterView view(UUID id) {
        ClaimQueries.ClusterView view = queries.cluster(id).orElseThrow(() -> ProblemException.notFound("Cluster", id));
        return new ClusterView(view.cluster().id, view.claimIds(), view.articleIds(), view.sources(),
                view.independentSources(), ClaimQueries.Verdict.of(view.cluster()),
                view.conflicts().stream().map(ConflictView::of).toList());
    }
}
