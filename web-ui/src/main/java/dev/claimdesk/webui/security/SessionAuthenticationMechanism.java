package dev.claimdesk.webui.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Signs browsers in by their session cookie, on the pages only: the APIs take bearer JWTs alone, so no
 * cross-site request can ride a browser's cookie into them. Requests with an Authorization header are left
 * to the JWT mechanism. A page asked for without a session is redirected to the login page; API paths get
 * the bearer challenge (401) from the JWT mechanism.
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
                HttpSecurityUtils.setRoutingContextAttribute(new SessionAuthenticationRequest(cookie.getValue()), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!isPage(context)) {
            return Uni.createFrom().nullItem();
        }
        String back = URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaders.LOCATION, "/login?next=" + back));
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

    private static boolean isApi(RoutingContext context) {
        String path = context.request().path();
        return path.startsWith("/api/") || path.startsWith("/q/");
    }
}
