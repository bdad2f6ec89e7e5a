package dev.claimdesk.webui.rest;

import dev.claimdesk.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.TreeSet;

/** Who the caller is, as every service sees it. */
@Path("/api/me")
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    private final SecurityIdentity caller;

    MeResource(SecurityIdentity caller) {
        this.caller = caller;
    }

    public record Me(String username, Set<String> roles) {
    }

    @GET
    @Operation(summary = "The signed-in user or token and its roles")
    public Me me() {
        return new Me(caller.getPrincipal().getName(), new TreeSet<>(caller.getRoles()));
    }
}
