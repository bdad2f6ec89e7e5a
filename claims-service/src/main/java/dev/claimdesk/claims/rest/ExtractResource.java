package dev.claimdesk.claims.rest;

import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.Extraction;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.ratelimit.RateLimits;
import dev.claimdesk.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The claims a text would raise, without storing anything: for drafts and for trying the engine. */
@Path("/api/claims/extract")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    static final int MAX_TEXT_CHARS = 1 << 20;

    private final ClaimExtractor extractor = new ClaimExtractor();
    private final RateLimits rateLimits;
    private final SecurityIdentity caller;

    ExtractResource(RateLimits rateLimits, SecurityIdentity caller) {
        this.rateLimits = rateLimits;
        this.caller = caller;
    }

    public record ExtractRequest(String text, String publishedAt, String language) {
    }

    public record ClaimView(String type, String text, int start, int end, Quantity quantity, String speaker,
                            String attribution, List<String> places, String actor, double checkworthiness) {
        static ClaimView of(ExtractedClaim c) {
            return new ClaimView(c.type().name(), c.text(), c.start(), c.end(), c.quantity(), c.speaker(),
                    c.attribution(), c.places(), c.actor(), Math.round(c.checkworthiness() * 1000) / 1000.0);
        }
    }

    public record ExtractResponse(String status, List<ClaimView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Operation(summary = "Claims of a text, not stored: offsets into the text, no id, cluster or status")
    public ExtractResponse extract(ExtractRequest request) {
        rateLimits.check("extract", caller.getPrincipal().getName());
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.badRequest("invalid-field", "Request body is not valid", "text is required");
        }
        if (request.text().length() > MAX_TEXT_CHARS) {
            throw new ProblemException(413, "body-too-large", "Text too large", "text is limited to " + MAX_TEXT_CHARS + " characters");
        }
        Extraction extraction = extractor.extract(request.text(), request.language());
        return new ExtractResponse(extraction.status().name(), extraction.claims().stream().map(ClaimView::of).toList());
    }
}
