package dev.claimdesk.commons.testing;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * The bearer tokens a service must refuse, tried on an endpoint an admin may call. Each service's test
 * extends it with the prod profile's rules ({@link ProdSecurityProfile}).
 */
public abstract class TokenVerificationTest {

    /** A GET endpoint that answers 200 to an admin. */
    protected String adminPath() {
        return "/q/openapi";
    }

    private void expect(String token, int status) {
        given().auth().oauth2(token).get(adminPath()).then().statusCode(status);
    }

    @Test
    void shouldAcceptAValidToken() {
        expect(Tokens.valid("alice", "admin"), 200);
    }

    @Test
    void shouldRefuseARequestWithoutToken() {
        given().get(adminPath()).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get(adminPath()).then().statusCode(401);
    }

    @Test
    void shouldRefuseAnUnsignedTokenWithAlgNone() {
        expect(Tokens.unsigned(Tokens.builder().subject("mallory").roles("admin").claims()), 401);
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        expect(Tokens.builder().subject("mallory").roles("admin").signedWith(Tokens.strangerKey()).sign(), 401);
    }

    @Test
    void shouldRefuseATokenFromAnotherIssuer() {
        expect(Tokens.builder().roles("admin").issuer("https://evil.example").sign(), 401);
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        expect(Tokens.builder().roles("admin").audience("some-other-service").sign(), 401);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        expect(Tokens.builder().roles("admin").issuedAgo(400, 300).sign(), 401);
    }

    @Test
    void shouldRefuseATokenWhoseRolesWereTamperedWith() throws Exception {
        String[] parts = Tokens.valid("eve", "visitor").split("\\.");
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.setStringListClaim("groups", List.of("visitor", "admin"));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        expect(forged, 401);
        expect(Tokens.valid("eve", "visitor"), 403);
    }
}
