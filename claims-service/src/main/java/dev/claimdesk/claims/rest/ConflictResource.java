package dev.claimdesk.claims.rest;

import dev.claimdesk.claims.Conflict;
import dev.claimdesk.claims.service.ClaimQueries;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Figures about the same thing, told by different articles, that cannot both be true. */
@Path("/api/conflicts")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
public class ConflictResource {

    private final ClaimQueries queries;

    ConflictResource(ClaimQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Conflicts between current figures, newest first")
    public Page<ClusterResource.ConflictView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        PanacheQuery<Conflict> query = queries.conflicts();
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list().stream()
                .map(ClusterResource.ConflictView::of).toList(), paging.page(), paging.size(), query.count());
    }
}
