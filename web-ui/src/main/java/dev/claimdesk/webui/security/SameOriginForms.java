package dev.claimdesk.webui.security;

import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Defence in depth behind the forms' CSRF tokens: a form posted from a page of another site (its browser says
 * so in Origin) is refused before any form handler runs.
 */
public class SameOriginForms {

    @ServerRequestFilter
    public Optional<Response> refuseCrossSiteForms(ContainerRequestContext request, HttpServerRequest http) {
        if (!"POST".equals(request.getMethod()) || request.getMediaType() == null
                || !request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return Optional.empty();
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String authority;
        try {
            authority = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (authority != null && authority.equalsIgnoreCase(http.authority() == null ? "" : http.authority().toString())) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.toResponse(Problem.of(403, "cross-site-form", "Cross-site form refused",
                "This form was posted from " + origin + ", not from this site")));
    }
}
