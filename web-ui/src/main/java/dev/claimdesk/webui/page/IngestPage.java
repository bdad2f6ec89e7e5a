package dev.claimdesk.webui.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.Backends;
import dev.claimdesk.webui.service.Backends.Service;
import dev.claimdesk.webui.service.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Feed one article in by hand, as text or HTML: ingest-service cleans and stores it, and the page says what it did. */
@Path("/ingest")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INGEST, Roles.ADMIN})
public class IngestPage {

    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt", "uk", "ru", "pl");

    private final Backends backends;
    private final SecurityIdentity caller;

    IngestPage(Backends backends, SecurityIdentity caller) {
        this.backends = backends;
        this.caller = caller;
    }

    /** What was typed, kept whatever the answer; {@code key} makes a resubmission of the same form one ingest. */
    public record Form(String title, String outlet, String url, String publishedAt, String language, String format, String body,
                       String key) {
        static Form empty() {
            return new Form("", "", "", "", "", "text", "", UUID.randomUUID().toString());
        }
    }

    /** What ingest-service did with the article. */
    public record Outcome(String articleId, int revision, boolean stored, String copyOf, Integer copyPercent, int textLength,
                          List<String> removed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String username, String csrf, Form form, List<String> languages, Outcome outcome,
                                            String error, List<String> fieldErrors);
    }

    @GET
    @Operation(hidden = true)
    public Response form() {
        ActiveSession session = Pages.session(caller);
        return Pages.html(200, Templates.form(session.username(), session.csrfToken(), Form.empty(), LANGUAGES, null, null, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response ingest(@FormParam("_csrf") String csrf, @FormParam("title") String title, @FormParam("outlet") String outlet,
                           @FormParam("url") String url, @FormParam("publishedAt") String publishedAt,
                           @FormParam("language") String language, @FormParam("format") String format,
                           @FormParam("body") String body, @FormParam("key") String key) {
        ActiveSession session = Pages.session(caller);
        Form form = new Form(text(title), text(outlet), text(url), text(publishedAt), text(language),
                "html".equals(format) ? "html" : "text", body == null ? "" : body,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        if (!Secrets.same(csrf, session.csrfToken())) {
            return page(403, session, form, null, "This form has expired. Nothing was sent; what you typed is kept below.", List.of());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", form.title());
        request.put("outlet", form.outlet());
        if (!form.url().isBlank()) {
            request.put("url", form.url().strip());
        }
        if (!form.publishedAt().isBlank()) {
            request.put("publishedAt", instant(form.publishedAt()));
        }
        if (!form.language().isBlank()) {
            request.put("language", form.language());
        }
        request.put("format", form.format());
        request.put("body", form.body());
        Backends.Answer answer = backends.post(Service.INGEST, "/api/articles", request, form.key(), session.username(), session.roles());
        if (!answer.ok()) {
            return page(answer.status(), session, form, null, answer.detail(), answer.fieldErrors());
        }
        JsonNode a = answer.body();
        List<String> removed = new ArrayList<>();
        a.path("removed").forEach(r -> removed.add(r.path("kind").asText() + ": " + r.path("text").asText()));
        Outcome outcome = new Outcome(a.path("id").asText(), a.path("revision").asInt(), answer.status() == 201,
                a.path("copyOf").asText(null),
                a.path("copySimilarity").isNumber() ? (int) Math.round(a.path("copySimilarity").asDouble() * 100) : null,
                a.path("cleanText").asText().length(), removed);
        // a fresh form for the next article; the outcome says what became of this one
        return page(answer.status() == 201 ? 201 : 200, session, Form.empty(), outcome, null, List.of());
    }

    private static Response page(int status, ActiveSession session, Form form, Outcome outcome, String error, List<String> fields) {
        return Pages.html(status, Templates.form(session.username(), session.csrfToken(), form, LANGUAGES, outcome, error, fields));
    }

    /** A datetime-local value is taken as UTC, as the label says; anything else goes as typed, for ingest to judge. */
    private static String instant(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
