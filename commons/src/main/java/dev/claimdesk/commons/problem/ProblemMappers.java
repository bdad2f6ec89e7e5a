package dev.claimdesk.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.claimdesk.commons.persistence.DatabaseUnavailable;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every error a service can raise to a problem+json response with a stable type. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response toResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(toResponse(e.problem()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? " at '" + fieldPath(mismatch) + "'" : "";
        String slug = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                ? "invalid-field" : "malformed-json";
        return toResponse(Problem.of(400, slug, "Request body is not valid", e.getOriginalMessage() + where));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return toResponse(Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this request"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return toResponse(Problem.of(404, "not-found", "Not found", "No resource at this path"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return toResponse(Problem.of(405, "method-not-allowed", "Method not allowed", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return toResponse(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Send the body as application/json"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return toResponse(Problem.of(status, "http-" + status, reason, e.getMessage()));
    }

    /**
     * Anything else: a 503 with Retry-After while the database cannot be reached (the request did nothing and may be
     * sent again), otherwise a 500 problem that names no internals.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return Response.fromResponse(toResponse(Problem.of(503, "database-unavailable", "Database unavailable",
                    "The service cannot reach its database just now; send the request again shortly")))
                    .header("Retry-After", "5").build();
        }
        LOG.error("Request failed", e);
        return toResponse(Problem.of(500, "internal-error", "Internal error", "The request failed; it has been logged"));
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
