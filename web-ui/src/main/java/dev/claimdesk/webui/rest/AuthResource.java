package dev.claimdesk.webui.rest;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.ratelimit.RateLimits;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.ClientAddress;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.webui.Account;
import dev.claimdesk.webui.ApiToken;
import dev.claimdesk.webui.service.ApiTokens;
import dev.claimdesk.webui.service.Logins;
import dev.claimdesk.webui.service.TokenIssuer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contract's token endpoint: a password or an API token in, a JWT of at most 5 minutes out. */
@Path("/api/auth/token")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AuthResource {

    private final Logins logins;
    private final ApiTokens apiTokens;
    private final TokenIssuer issuer;
    private final RateLimits rateLimits;
    private final SecurityAudit audit;

    AuthResource(Logins logins, ApiTokens apiTokens, TokenIssuer issuer, RateLimits rateLimits, SecurityAudit audit) {
        this.logins = logins;
        this.apiTokens = apiTokens;
        this.issuer = issuer;
        this.rateLimits = rateLimits;
        this.audit = audit;
    }

    public record TokenRequest(String username, String password, String apiToken) {
    }

    public record TokenResponse(String accessToken, long expiresIn, String tokenType) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange {username, password} or {apiToken} for a bearer JWT")
    @APIResponse(responseCode = "200", description = "The JWT and its lifetime in seconds")
    @APIResponse(responseCode = "400", description = "Neither a username and password nor an API token")
    @APIResponse(responseCode = "401", description = "Wrong credentials, a disabled account or a revoked token")
    @APIResponse(responseCode = "429", description = "Too many attempts from this address, or the account is locked; see Retry-After")
    public Response token(TokenRequest request, @Context HttpServerRequest http) {
        String address = ClientAddress.of(http);
        rateLimits.check("token", address);
        TokenIssuer.Issued issued;
        String principal;
        if (request != null && request.apiToken() != null) {
            ApiToken token = apiTokens.exchange(request.apiToken(), address);
            principal = "token:" + token.name;
            issued = issuer.issue("apitoken:" + token.id, principal, token.roleSet());
            audit.record(new AuditEntry(principal, "token.issue", issued.id(), AuditEntry.SUCCESS, address, "roles " + token.roles));
        } else if (request != null && request.username() != null && request.password() != null) {
            Account account = logins.check("token", request.username(), request.password(), address);
            principal = account.username;
            issued = issuer.issue(account.username, account.username, account.roleSet());
            audit.record(new AuditEntry(principal, "token.issue", issued.id(), AuditEntry.SUCCESS, address, "roles " + account.roles));
        } else {
            throw ProblemException.badRequest("invalid-field", "Request body is not valid",
                    "Send {\"username\", \"password\"} or {\"apiToken\"}");
        }
        return Response.ok(new TokenResponse(issued.accessToken(), issued.expiresIn(), "Bearer"))
                .header("Cache-Control", "no-store").build();
    }
}
