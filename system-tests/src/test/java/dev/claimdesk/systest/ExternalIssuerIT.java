package dev.claimdesk.systest;

import com.sun.net.httpserver.HttpServer;
import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A newsroom's own OIDC provider in place of web-ui, by configuration only: ingest-service fetches the
 * provider's keys from its JWKS URL and reads the roles where Keycloak puts them (realm_access/roles).
 */
class ExternalIssuerIT {

    @Test
    void shouldAcceptTokensOfAnOidcProviderConfiguredByIssuerAudienceAndJwksUrl() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("newsroom-key-1");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/realms/newsroom/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/newsroom";
        try (ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer + "/protocol/openid-connect/certs",
                "MP_JWT_VERIFY_ISSUER", issuer,
                "MP_JWT_VERIFY_AUDIENCES", "claimdesk",
                "SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles"))) {
            String marker = UUID.randomUUID().toString();
            given().baseUri(ingest.baseUri()).auth().oauth2(keycloakToken(key, issuer, List.of("ingest", "offline_access")))
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "Provider " + marker, "outlet", "Wire", "url", "https://wire.example/p/" + marker,
                            "body", "Officials said 12 bridges were closed in " + marker + " on Friday."))
                    .post("/api/articles").then().statusCode(201);
            given().baseUri(ingest.baseUri()).auth().oauth2(keycloakToken(key, issuer, List.of("editor")))
                    .contentType(ContentType.JSON).body("{}").post("/api/articles").then().statusCode(403);
            // web-ui's tokens are not this provider's: other issuer, other key.
            given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("someone", "ingest"))
                    .get("/api/articles").then().statusCode(401);
        } finally {
            provider.stop(0);
        }
    }

    private static String keycloakToken(RsaJsonWebKey key, String issuer, List<String> realmRoles) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("claimdesk");
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim("preferred_username", "wire-robot");
        claims.setClaim("realm_access", Map.of("roles", realmRoles));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 300));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
