package dev.claimdesk.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.idempotency.IdempotencyKeys;
import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.ratelimit.RateLimits;
import dev.claimdesk.commons.rest.Page;
import dev.claimdesk.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import dev.claimdesk.ingest.service.ArticleQueries;
import dev.claimdesk.ingest.service.IngestOutcome;
import dev.claimdesk.ingest.service.IngestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Ingest, clean, store and announce news articles")
public class ArticleResource {

    private static final Logger LOG = Logger.getLogger(ArticleResource.class);

    private final ArticleReader reader;
    private final IngestService ingest;
    private final ArticleQueries queries;
    private final IdempotencyKeys idempotency;
    private final RateLimits rateLimits;
    private final SecurityIdentity caller;

    ArticleResource(ArticleReader reader, IngestService ingest, ArticleQueries queries, IdempotencyKeys idempotency,
                    RateLimits rateLimits, SecurityIdentity caller) {
        this.idempotency = idempotency;
        this.rateLimits = rateLimits;
        this.caller = caller;
        this.reader = reader;
        this.ingest = ingest;
        this.queries = queries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INGEST, Roles.ADMIN})
    @Operation(summary = "Ingest one article",
            description = "201 for a new article (copyOf set when it copies an earlier one) or a new revision of a known url; "
                    + "200 when the url already holds this content.")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ArticleRequest.class)))
    @APIResponse(responseCode = "201", description = "Stored and announced")
    @APIResponse(responseCode = "200", description = "Already stored with this content; nothing changed")
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid UTF-8, invalid fields or unknown format")
    @APIResponse(responseCode = "413", description = "Body over the limit")
    @APIResponse(responseCode = "429", description = "This client sent too many requests; see Retry-After")
    public Response ingest(byte[] raw, @Context UriInfo uri,
                           @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Retry-safe key: same key and body, same answer")
                           String idempotencyKey) {
        rateLimits.check("ingest", caller.getPrincipal().getName());
        return idempotency.once("ingest:article", idempotencyKey, raw, () -> {
            IngestOutcome outcome = ingest.ingest(reader.toArticle(reader.readSingle(raw)));
            ArticleView view = ArticleView.of(outcome.article());
            Response.ResponseBuilder response = Response.status(outcome.httpStatus()).entity(view);
            if (outcome.httpStatus() == 201) {
                response.location(uri.getBaseUriBuilder().path("api/articles").path(view.id().toString()).build());
            }
            return response.build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INGEST, Roles.ADMIN})
    @Operation(summary = "Ingest several articles", description = "One result per item, in order; a bad item fails alone.")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ArticleRequest[].class)))
    public Response ingestBatch(byte[] raw,
                                @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Retry-safe key: same key and body, same answer")
                                String idempotencyKey) {
        rateLimits.check("ingest", caller.getPrincipal().getName());
        return idempotency.once("ingest:batch", idempotencyKey, raw, () -> Response.ok(ingestEach(raw)).build());
    }

    private BatchResult ingestEach(byte[] raw) {
        List<BatchResult.Item> items = new ArrayList<>();
        for (JsonNode node : reader.readBatch(raw)) {
            try {
                IngestOutcome outcome = ingest.ingest(reader.toArticle(node));
                items.add(new BatchResult.Item(outcome.httpStatus(), ArticleView.of(outcome.article()), null));
            } catch (ProblemException e) {
                items.add(new BatchResult.Item(e.problem().status(), null, e.problem()));
            } catch (RuntimeException e) {
                LOG.error("Batch item failed", e);
                items.add(new BatchResult.Item(500, null,
                        Problem.of(500, "internal-error", "Internal error", "This article could not be stored")));
            }
        }
        return new BatchResult(items);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Operation(summary = "One article, its latest revision unless ?revision= names another")
    public ArticleView get(@PathParam("id") String id, @QueryParam("revision") Integer revision) {
        return ArticleView.of(queries.get(uuid(id), revision));
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Operation(summary = "Latest revisions of articles, newest first")
    public Page<ArticleView> list(@QueryParam("outlet") String outlet, @QueryParam("publishedFrom") String publishedFrom,
                                  @QueryParam("publishedTo") String publishedTo, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        var filter = new ArticleQueries.Filter(outlet == null || outlet.isBlank() ? null : outlet,
                instant("publishedFrom", publishedFrom), instant("publishedTo", publishedTo));
        var result = queries.list(filter, paging.page(), paging.size());
        return new Page<>(result.items().stream().map(ArticleView::of).toList(), paging.page(), paging.size(), result.total());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Article", id);
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed = Timestamps.parse(value);
        if (parsed == null) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid " + name, name + " must be an ISO-8601 date or instant");
        }
        return parsed;
    }
}
