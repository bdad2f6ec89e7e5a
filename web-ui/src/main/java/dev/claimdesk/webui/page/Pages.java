package dev.claimdesk.webui.page;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.webui.security.SessionIdentityProvider;
import dev.claimdesk.webui.service.ActiveSession;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What every page does the same way: find the browser session behind the request, and answer with HTML. */
final class Pages {

    private Pages() {
    }

    /** The signed-in browser session; a bearer token opens the APIs, not the pages. */
    static ActiveSession session(SecurityIdentity caller) {
        ActiveSession session = caller.getAttribute(SessionIdentityProvider.SESSION_ATTRIBUTE);
        if (session == null) {
            throw ProblemException.forbidden("These pages are for a signed-in browser; scripts use the services' APIs");
        }
        return session;
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** An instant as a reader takes it in at a glance; what does not parse is shown as it came. */
    static String minute(String instant) {
        try {
            return MINUTE.format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return instant;
        }
    }

    /** A 502 for a page whose review-service answer was a refusal. */
    static void refusedByReview(dev.claimdesk.webui.service.Backends.Answer answer) {
        if (!answer.ok()) {
            throw new ProblemException(502, "service-refused", "Review service refused", answer.detail());
        }
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }
}
