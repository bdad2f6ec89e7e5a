package dev.claimdesk.webui.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.webui.config.ServicesConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The services as the signed-in user sees them: every call carries a JWT issued for that user with their roles, so
 * each service applies its own access rules to the person behind the page.
 */
@ApplicationScoped
public class Backends {

    public enum Service { INGEST, CLAIMS, REVIEW }

    /** A service's answer: its status and JSON body (a problem's, when it refused). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's field errors as "field: message", for a form to show beside its detail. */
        public java.util.List<String> fieldErrors() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asText() + ": " + e.path("message").asText()));
            return fields;
        }

        /** The problem's detail, for a page to show. */
        public String detail() {
            return body.path("detail").asText(body.path("title").asText("The service refused the request (" + status + ")"));
        }
    }

    private final ServicesConfig config;
    private final TokenIssuer tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    Backends(ServicesConfig config, TokenIssuer tokens, ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public Answer get(Service service, String path, String username, Set<String> roles) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET(), username, roles);
    }

    public Answer post(Service service, String path, Object body, String idempotencyKey, String username, Set<String> roles) {
        return send(service, "POST", path, body, idempotencyKey, username, roles);
    }

    public Answer patch(Service service, String path, Object body, String username, Set<String> roles) {
        return send(service, "PATCH", path, body, null, username, roles);
    }

    public Answer put(Service service, String path, Object body, String username, Set<String> roles) {
        return send(service, "PUT", path, body, null, username, roles);
    }

    private Answer send(Service service, String method, String path, Object body, String idempotencyKey, String username,
                        Set<String> roles) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri(service, path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException("request body cannot be written", e);
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(service, request, username, roles);
    }

    private Answer send(Service service, HttpRequest.Builder request, String username, Set<String> roles) {
        request.timeout(config.timeout()).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(username, roles));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? MissingNode.getInstance() : json.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw unavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service, e);
        }
    }

    /**
     * A token for the user, signed once and reused while it has a minute left: a page calls several services, and
     * each signature is an RSA operation.
     */
    private String token(String username, Set<String> roles) {
        String key = username + '\u001f' + new java.util.TreeSet<>(roles);
        java.time.Instant now = java.time.Instant.now();
        Signed signed = signedTokens.get(key);
        if (signed == null || signed.reuseUntil().isBefore(now)) {
            TokenIssuer.Issued issued = tokens.issue(username, username, roles);
            signed = new Signed(issued.accessToken(), now.plusSeconds(Math.max(0, issued.expiresIn() - 60)));
            if (signedTokens.size() > MAX_CACHED_TOKENS) {
                signedTokens.clear();
            }
            signedTokens.put(key, signed);
        }
        return signed.token();
    }

    private record Signed(String token, java.time.Instant reuseUntil) {
    }

    private static final int MAX_CACHED_TOKENS = 10_000;
    private final java.util.concurrent.ConcurrentMap<String, Signed> signedTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private URI uri(Service service, String path) {
        String base = switch (service) {
            case INGEST -> config.ingest();
            case CLAIMS -> config.claims();
            case REVIEW -> config.review();
        };
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private static ProblemException unavailable(Service service, Exception cause) {
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                service.name().toLowerCase(java.util.Locale.ROOT) + "-service does not answer: " + cause.getMessage());
    }
}
