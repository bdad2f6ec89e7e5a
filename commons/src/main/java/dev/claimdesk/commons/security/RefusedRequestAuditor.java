package dev.claimdesk.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Audits every request the security layer refuses: a bad or missing credential (401) or a missing role (403). */
@ApplicationScoped
public class RefusedRequestAuditor {

    private final SecurityAudit audit;

    RefusedRequestAuditor(SecurityAudit audit) {
        this.audit = audit;
    }

    void onAuthenticationFailure(@Observes AuthenticationFailureEvent event) {
        audit.recordLater(new AuditEntry(null, "request.authenticate", target(event), "refused: invalid credentials",
                address(event), event.getAuthenticationFailure() == null ? null : event.getAuthenticationFailure().getMessage()));
    }

    void onAuthorizationFailure(@Observes AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        boolean anonymous = identity == null || identity.isAnonymous();
        audit.recordLater(new AuditEntry(anonymous ? null : identity.getPrincipal().getName(), "request.authorize",
                target(event), anonymous ? "refused: not authenticated" : "refused: role missing", address(event),
                anonymous ? null : "roles " + identity.getRoles()));
    }

    private static String target(SecurityEvent event) {
        RoutingContext context = routingContext(event);
        return context == null ? null : context.request().method() + " " + context.request().path();
    }

    private static String address(SecurityEvent event) {
        RoutingContext context = routingContext(event);
        return context == null ? null : ClientAddress.of(context);
    }

    private static RoutingContext routingContext(SecurityEvent event) {
        for (Object value : event.getEventProperties().values()) {
            if (value instanceof RoutingContext context) {
                return context;
            }
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        return identity == null ? null : identity.getAttribute(RoutingContext.class.getName());
    }
}
