package dev.claimdesk.webui.page;

import dev.claimdesk.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** What the signed-in user may do, for the page chrome to offer only that ({@code inject:viewer} in templates). */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean mayIngest() {
        return identity.hasRole(Roles.INGEST) || identity.hasRole(Roles.ADMIN);
    }

    public boolean mayReview() {
        return identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ADMIN);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
