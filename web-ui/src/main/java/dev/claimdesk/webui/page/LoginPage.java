package dev.claimdesk.webui.page;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.ratelimit.RateLimits;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.security.SessionIdentityProvider;
import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.Logins;
import dev.claimdesk.webui.service.Secrets;
import dev.claimdesk.webui.service.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;

/**
 * Sign-in and sign-out. The login form is protected against cross-site posting by a double-submit token
 * (a cookie and a form field that must match); forms after login carry the session's own token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    private final Logins logins;
    private final Sessions sessions;
    private final RateLimits rateLimits;
    private final SecurityAudit audit;
    private final SecurityIdentity caller;

    LoginPage(Logins logins, Sessions sessions, RateLimits rateLimits, SecurityAudit audit, SecurityIdentity caller) {
        this.logins = logins;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.caller = caller;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String csrf, String next, String username, String error);

        static native TemplateInstance home(String username, String displayName, List<String> roles, String csrf);
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(hidden = true)
    public Response loginForm(@QueryParam("next") String next, @Context HttpServerRequest http) {
        return form(200, next, null, null, http);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("_csrf") String csrf, @FormParam("next") String next,
                          @CookieParam(Cookies.LOGIN_CSRF) String expectedCsrf,
                          @CookieParam(Cookies.SESSION) String previousSession, @Context HttpServerRequest http) {
        String address = ClientAddress.of(http);
        if (!Secrets.same(csrf, expectedCsrf)) {
            audit.record(new AuditEntry(username, "login.csrf", "POST /login", "refused: CSRF token missing or wrong", address, null));
            return form(403, next, username, "This form has expired. Please sign in again.", http);
        }
        Account account;
        try {
            rateLimits.check("login", address);
            account = logins.check("login", username, password, address);
        } catch (ProblemException e) {
            Response response = form(e.problem().status(), next, username, e.problem().status() == 429
                    ? "Too many attempts. Try again in " + e.headers().get("Retry-After") + " seconds."
                    : "Wrong username or password.", http);
            return e.headers().isEmpty() ? response : Response.fromResponse(response).header("Retry-After", e.headers().get("Retry-After")).build();
        }
        if (previousSession != null && !previousSession.isBlank()) {
            sessions.endBySecret(previousSession, "replaced by a new login");
        }
        Sessions.Started started = sessions.start(account, address, http.getHeader("User-Agent"));
        return Response.seeOther(URI.create(safeNext(next)))
                .cookie(Cookies.session(started.secret(), http), Cookies.expired(Cookies.LOGIN_CSRF, "/login", http))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("_csrf") String csrf, @CookieParam(Cookies.SESSION) String secret,
                           @Context HttpServerRequest http) {
        ActiveSession session = caller.getAttribute(SessionIdentityProvider.SESSION_ATTRIBUTE);
        if (session == null) {
            throw ProblemException.badRequest("no-session", "No session", "Only a signed-in browser can sign out");
        }
        if (!Secrets.same(csrf, session.csrfToken())) {
            audit.record(new AuditEntry(session.username(), "logout.csrf", "POST /logout", "refused: CSRF token missing or wrong",
                    ClientAddress.of(http), null));
            throw ProblemException.forbidden("The form's CSRF token is missing or wrong");
        }
        sessions.endBySecret(secret, "logout");
        audit.record(AuditEntry.success(session.username(), "logout", session.id().toString(), ClientAddress.of(http)));
        return Response.seeOther(URI.create("/login")).cookie(Cookies.expired(Cookies.SESSION, "/", http))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN, Roles.INGEST})
    @Operation(hidden = true)
    public Response home() {
        ActiveSession session = caller.getAttribute(SessionIdentityProvider.SESSION_ATTRIBUTE);
        String csrf = session == null ? "" : session.csrfToken();
        String displayName = session == null ? caller.getPrincipal().getName() : session.displayName();
        return Pages.html(200, Templates.home(caller.getPrincipal().getName(), displayName,
                List.copyOf(new TreeSet<>(caller.getRoles())), csrf));
    }

    private Response form(int status, String next, String username, String error, HttpServerRequest http) {
        String token = Secrets.random(32);
        return Response.fromResponse(Pages.html(status, Templates.login(token, safeNext(next), username, error)))
                .cookie(Cookies.loginCsrf(token, http)).build();
    }


    /**
     * The page of this site a browser came from, by its {@code Referer} and the request's {@code Host}; null when it
     * came from another site or says nothing.
     */
    public static String sameSitePage(String referer, String host) {
        try {
            java.net.URI from = referer == null ? null : new java.net.URI(referer);
            if (from == null || from.getRawPath() == null || from.getRawAuthority() == null
                    || !from.getRawAuthority().equalsIgnoreCase(host)) {
                return null;
            }
            return safeNext(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Only a path on this site: never another host, so the login cannot be turned into an open redirect. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("://")) {
            return "/";
        }
        return next;
    }
}
