package dev.claimdesk.webui.rest;

import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.service.Accounts;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Accounts, for admins. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class UserResource {

    private final Accounts accounts;
    private final SecurityIdentity caller;

    UserResource(Accounts accounts, SecurityIdentity caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    public record UserView(UUID id, String username, String displayName, Set<String> roles, boolean enabled,
                           Instant lockedUntil, Instant createdAt, Instant updatedAt) {
        static UserView of(Account a) {
            Instant locked = a.lockedUntil != null && a.lockedUntil.isAfter(Instant.now()) ? a.lockedUntil : null;
            return new UserView(a.id, a.username, a.displayName, a.roleSet(), a.enabled, locked, a.createdAt, a.updatedAt);
        }
    }

    @GET
    @Operation(summary = "Accounts by username")
    public Page<UserView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        return new Page<>(accounts.list(paging.page(), paging.size()).stream().map(UserView::of).toList(),
                paging.page(), paging.size(), accounts.count());
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One account")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(accounts.get(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account: username, displayName, password (12+ characters, not a common one), roles")
    public Response create(Accounts.NewAccount request, @Context UriInfo uri, @Context HttpServerRequest http) {
        Account account = accounts.create(request == null ? new Accounts.NewAccount(null, null, null, null) : request,
                caller.getPrincipal().getName(), ClientAddress.of(http));
        return Response.created(uri.getBaseUriBuilder().path("api/users").path(account.username).build())
                .entity(UserView.of(account)).build();
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change roles, display name or password; disable or re-enable (ends the account's sessions)")
    public UserView change(@PathParam("username") String username, Accounts.Change change, @Context HttpServerRequest http) {
        return UserView.of(accounts.change(username, change == null ? new Accounts.Change(null, null, null, null) : change,
                caller.getPrincipal().getName(), ClientAddress.of(http)));
    }
}
