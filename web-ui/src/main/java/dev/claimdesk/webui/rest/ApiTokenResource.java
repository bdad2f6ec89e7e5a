package dev.claimdesk.webui.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.ApiToken;
import dev.claimdesk.webui.service.ApiTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API tokens for scripts and machine clients, for admins. The secret is shown once, in the creation answer. */
@Path("/api/tokens")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class ApiTokenResource {

    private final ApiTokens tokens;
    private final SecurityIdentity caller;

    ApiTokenResource(ApiTokens tokens, SecurityIdentity caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    public record NewToken(String name, Set<String> roles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(UUID id, String name, String hint, Set<String> roles, String createdBy, Instant createdAt,
                            Instant lastUsedAt, Instant revokedAt, String revokedBy, String token) {
        static TokenView of(ApiToken t, String secret) {
            return new TokenView(t.id, t.name, t.hint, t.roleSet(), t.createdBy, t.createdAt, t.lastUsedAt, t.revokedAt,
                    t.revokedBy, secret);
        }
    }

    @GET
    @Operation(summary = "Every API token, newest first, with its last use; never the secret")
    public List<TokenView> list() {
        return tokens.list().stream().map(t -> TokenView.of(t, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token with the roles it may exchange for; the answer's token field is the only copy")
    public Response create(NewToken request, @Context UriInfo uri, @Context HttpServerRequest http) {
        ApiTokens.Created created = tokens.create(request == null ? null : request.name(), request == null ? null : request.roles(),
                caller.getPrincipal().getName(), ClientAddress.of(http));
        return Response.created(uri.getBaseUriBuilder().path("api/tokens").path(created.token().id.toString()).build())
                .header("Cache-Control", "no-store")
                .entity(TokenView.of(created.token(), created.secret())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token: no new JWT for it from now on")
    public TokenView revoke(@PathParam("id") String id, @Context HttpServerRequest http) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("API token", id);
        }
        return TokenView.of(tokens.revoke(uuid, caller.getPrincipal().getName(), ClientAddress.of(http)), null);
    }
}
