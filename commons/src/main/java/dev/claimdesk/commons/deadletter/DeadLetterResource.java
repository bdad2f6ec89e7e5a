package dev.claimdesk.commons.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every service's dead letters, for admins: the same endpoints in each, named by the consumer queue they came from. */
@Path("/api/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {

    private static final int MAX_IDS = 1000;

    private final DeadLetters deadLetters;
    private final SecurityIdentity caller;

    DeadLetterResource(DeadLetters deadLetters, SecurityIdentity caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Each consumer queue of this service with the messages waiting in its dead-letter queue")
    public List<DeadLetters.Waiting> waiting() {
        return deadLetters.waiting();
    }

    @GET
    @Path("/{queue}/messages")
    @Operation(summary = "The oldest dead letters of a queue (limit 1–100, default 20), left in place")
    public List<DeadLetters.Letter> messages(@PathParam("queue") String queue, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 100) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid limit", "limit is between 1 and 100");
        }
        return deadLetters.peek(queue, n);
    }

    @POST
    @Path("/{queue}/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send dead letters back to their queue: {\"messageIds\": [...]}, or {} for all; audited")
    public DeadLetters.Outcome redrive(@PathParam("queue") String queue, byte[] raw, @Context HttpServerRequest http) {
        return deadLetters.redrive(queue, ids(raw, false), caller.getPrincipal().getName(), ClientAddress.of(http));
    }

    @POST
    @Path("/{queue}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drop the named dead letters for good: {\"messageIds\": [...]}; audited")
    public DeadLetters.Outcome discard(@PathParam("queue") String queue, byte[] raw, @Context HttpServerRequest http) {
        return deadLetters.discard(queue, ids(raw, true), caller.getPrincipal().getName(), ClientAddress.of(http));
    }

    /** The messageIds of the body; none (null) means all, which only a redrive accepts. */
    private static Set<String> ids(byte[] raw, boolean required) {
        JsonNode body = Requests.json(raw);
        JsonNode ids = body == null ? null : body.get("messageIds");
        if (ids == null || ids.isNull()) {
            if (required) {
                throw ProblemException.badRequest("invalid-request", "Name the messages", "messageIds lists the messages to drop");
            }
            return null;
        }
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ProblemException.badRequest("invalid-request", "Invalid messageIds",
                    "messageIds is a non-empty array of at most " + MAX_IDS + " message ids");
        }
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw ProblemException.badRequest("invalid-request", "Invalid messageIds", "each message id is non-empty text");
            }
            set.add(id.asText());
        }
        return set;
    }
}
