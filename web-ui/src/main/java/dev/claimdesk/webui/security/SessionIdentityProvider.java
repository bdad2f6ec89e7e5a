package dev.claimdesk.webui.security;

import dev.claimdesk.webui.service.ActiveSession;
import dev.claimdesk.webui.service.Sessions;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves a session cookie into the account's identity; none when the session ended or expired. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    public static final String SESSION_ATTRIBUTE = "claimdesk.session";

    private final Sessions sessions;

    SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            // An ended or expired session makes the browser anonymous: it is sent to the login page.
            ActiveSession session = sessions.resolve(request.secret()).orElse(null);
            if (session == null) {
                return null;
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(session.username()))
                    .addRoles(session.roles())
                    .addAttribute(SESSION_ATTRIBUTE, session)
                    .build();
        });
    }
}
