package dev.claimdesk.webui.page;

import dev.claimdesk.commons.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A person whose browser asked a page for something refused or missing gets a page saying so, with a way back; a
 * client that asks for JSON, and every API path, keeps the problem document.
 */
public class BrowserErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int status, String title, String detail, String back);
    }

    @ServerResponseFilter
    public void pageForBrowsers(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        String path = request.getUriInfo().getPath();
        if (response.getStatus() < 400 || !(response.getEntity() instanceof Problem problem) || type == null
                || !type.toString().startsWith(Problem.MEDIA_TYPE) || path.startsWith("/api/") || path.startsWith("/q/")
                || !prefersHtml(request)) {
            return;
        }
        String page = Templates.page(problem.status(), problem.title(), problem.detail(), back(request)).render();
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A browser's navigation asks for text/html first; fetch() and API clients ask for JSON or anything. */
    private static boolean prefersHtml(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /** The same-site page the browser came from, if any. */
    private static String back(ContainerRequestContext request) {
        return LoginPage.sameSitePage(request.getHeaderString("Referer"), request.getHeaderString(HttpHeaders.HOST));
    }
}
