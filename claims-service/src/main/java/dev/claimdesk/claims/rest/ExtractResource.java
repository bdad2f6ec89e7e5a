package dev.claimdesk.claims.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.Extraction;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.ratelimit.RateLimits;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.text.LanguageDetector;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The claims a text would raise, without storing anything: for drafts and for trying the engine. */
@Path("/api/claims/extract")
@Tag(name = "Claims")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    static final int MAX_TEXT_CHARS = 1 << 20;

    private final ClaimExtractor extractor = new ClaimExtractor();
    private final LanguageDetector languages = new LanguageDetector();
    private final RateLimits rateLimits;
    private final SecurityIdentity caller;

    ExtractResource(RateLimits rateLimits, SecurityIdentity caller) {
        this.rateLimits = rateLimits;
        this.caller = caller;
    }

    public record ExtractRequest(String text, String publishedAt, String language) {

        /** Strictly typed: a number or an object where text is expected is a 400, not a string made of it. */
        static ExtractRequest of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ProblemException.badRequest("invalid-field", "Request body is not valid", "The body is a JSON object with text");
            }
            return new ExtractRequest(string(body, "text"), string(body, "publishedAt"), string(body, "language"));
        }

        private static String string(JsonNode body, String field) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw ProblemException.badRequest("invalid-field", "Request body is not valid", field + " must be a string");
            }
            return value.asText();
        }
    }

    public record ClaimView(String type, String text, int start, int end, Quantity quantity, String speaker,
                            String attribution, List<String> places, String actor, double checkworthiness, String measure,
                            String action, List<dev.claimdesk.claims.extraction.CheckWorthiness.Reason> checkworthinessReasons) {
        static ClaimView of(ExtractedClaim c) {
            return new ClaimView(c.type().name(), c.text(), c.start(), c.end(), c.quantity(), c.speaker(),
                    c.attribution(), c.places(), c.actor(), Math.round(c.checkworthiness() * 1000) / 1000.0,
                    dev.claimdesk.claims.extraction.Measures.measure(c.type().name(), c.quantity(), c.text()),
                    dev.claimdesk.claims.extraction.Measures.action(c.type().name(), c.text()), c.reasons());
        }
    }

    public record ExtractResponse(String status, List<ClaimView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Operation(summary = "Claims of a text, not stored: offsets into the text, no id, cluster or status")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExtractRequest.class)))
    public ExtractResponse extract(JsonNode body) {
        ExtractRequest request = ExtractRequest.of(body);
        rateLimits.check("extract", caller.getPrincipal().getName());
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.badRequest("invalid-field", "Request body is not valid", "text is required");
        }
        if (request.text().length() > MAX_TEXT_CHARS) {
            throw new ProblemException(413, "body-too-large", "Text too large", "text is limited to " + MAX_TEXT_CHARS + " characters");
        }
        // a draft without a language tag is read as ingest reads articles: by its script and function words
        String language = request.language() == null || request.language().isBlank() ? languages.detect(request.text()) : request.language();
        Extraction extraction = extractor.extract(request.text(), language);
        return new ExtractResponse(extraction.status().name(), extraction.claims().stream().map(ClaimView::of).toList());
    }
}
