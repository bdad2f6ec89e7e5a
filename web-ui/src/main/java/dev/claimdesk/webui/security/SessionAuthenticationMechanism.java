package dev.claimdesk.webui.security;

import dev.claimdesk.webui.page.LoginPage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Signs browsers in by their session cookie, on the pages only: the APIs take bearer JWTs alone, so no
 * cross-site request can ride a browser's cookie into them. Requests with an Authorization header are left
 * to the JWT mechanism. A cookie of a session the server no longer knows (ended, expired, from before a restart)
 * is cleared and the browser goes on anonymous, so the login page opens. A page asked for without a session is
 * redirected to the login page, and so is a form posted without one, to come back to the page the form was on
 * (the reviewer's draft waits there); API paths get the bearer challenge (401) from the JWT mechanism.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String COOKIE = "claimdesk_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().headers().contains(HttpHeaders.AUTHORIZATION) || isApi(context)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                        HttpSecurityUtils.setRoutingContextAttribute(new SessionAuthenticationRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(() -> {
                    boolean secure = context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
                    context.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                            .setSecure(secure).setSameSite(CookieSameSite.LAX));
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String back;
        if (isPage(context)) {
            back = context.request().uri();
        } else if (isFormPost(context)) {
            back = formPage(context);
        } else {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaders.LOCATION,
                "/login?next=" + URLEncoder.encode(LoginPage.safeNext(back), StandardCharsets.UTF_8)));
    }

    /** The page a form was posted from, by its same-site Referer ("/" when there is none). */
    private static String formPage(RoutingContext context) {
        String page = LoginPage.sameSitePage(context.request().getHeader(HttpHeaders.REFERER), context.request().getHeader(HttpHeaders.HOST));
        return page == null ? "/" : page;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }

    static boolean isPage(RoutingContext context) {
        return context.request().method().name().equals("GET") && !isApi(context);
    }

    private static boolean isFormPost(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return context.request().method().name().equals("POST") && !isApi(context) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.request().path();
        return path.startsWith("/api/") || path.startsWith("/q/");
    }
}
