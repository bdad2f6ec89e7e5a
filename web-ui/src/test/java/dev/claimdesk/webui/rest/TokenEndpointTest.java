package dev.claimdesk.webui.rest;

import dev.claimdesk.commons.testing.TestIdentity;
import dev.claimdesk.webui.support.Identity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.claimdesk.webui.support.Identity.asAdmin;
import static dev.claimdesk.webui.support.Identity.from;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TokenEndpointTest {

    @Inject
    AgroalDataSource dataSource;

    static JwtClaims claims(String jwt) throws Exception {
        return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void shouldIssueAJwtOfAtMostFiveMinutesWithIssuerAudienceSubjectRolesAndUniqueId() throws Exception {
        Identity.User user = Identity.createUser("reviewer", "reviewer", "editor");
        String address = Identity.newAddress();
        from(address).contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", user.password()))
                .post("/api/auth/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("expiresIn", lessThanOrEqualTo(300)).body("accessToken", notNullValue());
        String first = Identity.passwordToken(address, user.username(), user.password());
        String second = Identity.passwordToken(address, user.username(), user.password());
        JwtClaims claims = claims(first);
        assertEquals("claimdesk", claims.getIssuer());
        assertEquals(List.of("claimdesk"), claims.getAudience());
        assertEquals(user.username(), claims.getSubject());
        assertEquals(List.of("editor", "reviewer"), claims.getStringListClaimValue("groups").stream().sorted().toList());
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 300);
        assertNotEquals(claims.getJwtId(), claims(second).getJwtId());

        given().auth().oauth2(first).get("/api/me").then().statusCode(200)
                .body("username", equalTo(user.username())).body("roles", hasItems("reviewer", "editor"));
    }

    @Test
    void shouldCreateTheFirstAdminFromTheEnvironment() {
        String jwt = Identity.passwordToken(Identity.newAddress(), TestIdentity.ADMIN_USERNAME, TestIdentity.adminPassword());
        given().auth().oauth2(jwt).get("/api/users/first-admin").then().statusCode(200)
                .body("roles", equalTo(List.of("admin"))).body("enabled", equalTo(true));
    }

    @Test
    void shouldRefuseWrongCredentialsAndRequestsWithoutAny() {
        Identity.User user = Identity.createUser("editor", "editor");
        String address = Identity.newAddress();
        from(address).contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", "not-the-password-at-all"))
                .post("/api/auth/token").then().statusCode(401)
                .body("type", equalTo("https://claimdesk.dev/problems/invalid-credentials"));
        from(address).contentType(ContentType.JSON).body(Map.of("username", "nobody-here", "password", "whatever-it-may-be"))
                .post("/api/auth/token").then().statusCode(401);
        from(address).contentType(ContentType.JSON).body("{}").post("/api/auth/token").then().statusCode(400);
    }

    @Test
    void shouldRefuseNewJwtsToADisabledUserAtOnceAndIssueThemAgainOnceReEnabled() {
        Identity.User user = Identity.createUser("leaver", "reviewer");
        String address = Identity.newAddress();
        Identity.passwordToken(address, user.username(), user.password());

        asAdmin().body(Map.of("enabled", false)).patch("/api/users/" + user.username()).then().statusCode(200)
                .body("enabled", equalTo(false));
        from(address).contentType(ContentType.JSON).body(Map.of("username", user.username(), "password", user.password()))
                .post("/api/auth/token").then().statusCode(401);

        asAdmin().body(Map.of("enabled", true)).patch("/api/users/" + user.username()).then().statusCode(200);
        Identity.passwordToken(address, user.username(), user.password());
    }

    @Test
    void shouldExchangeAnApiTokenForAJwtWithItsRolesUntilRevoked() throws Exception {
        String address = Identity.newAddress();
        var created = asAdmin().body(Map.of("name", "nightly ingest", "roles", List.of("ingest")))
                .post("/api/tokens").then().statusCode(201).header("Cache-Control", "no-store")
                .body("token", notNullValue()).extract();
        String secret = created.path("token");
        String id = created.path("id");

        String jwt = from(address).contentType(ContentType.JSON).body(Map.of("apiToken", secret))
                .post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
        assertEquals(List.of("ingest"), claims(jwt).getStringListClaimValue("groups"));
        given().auth().oauth2(jwt).get("/api/me").then().statusCode(200).body("username", equalTo("token:nightly ingest"));
        given().auth().oauth2(jwt).get("/api/users").then().statusCode(403);

        asAdmin().get("/api/tokens").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.token", equalTo(null))
                .body("find { it.id == '" + id + "' }.hint", equalTo(secret.substring(0, 8)));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT token_hash, hint FROM api_token WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(secret), "only a hash is stored");
                assertEquals(32, rs.getBytes(1).length);
            }
        }

        asAdmin().delete("/api/tokens/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        from(address).contentType(ContentType.JSON).body(Map.of("apiToken", secret))
                .post("/api/auth/token").then().statusCode(401);
        asAdmin().queryParam("action", "api-token.revoke").get("/api/security-audit").then().statusCode(200)
                .body("items.target", hasItem(id + " nightly ingest"))
                .body("items.find { it.target == '" + id + " nightly ingest' }.actor", equalTo("test-admin"));
    }

    @Test
    void shouldPutNewRolesIntoTheNextJwtAndNeverLeaveTheDeskWithoutAnAdmin() throws Exception {
        Identity.User user = Identity.createUser("promoted", "reviewer");
        String address = Identity.newAddress();
        assertEquals(List.of("reviewer"), claims(Identity.passwordToken(address, user.username(), user.password()))
                .getStringListClaimValue("groups"));
        asAdmin().body(Map.of("roles", List.of("reviewer", "admin"))).patch("/api/users/" + user.username())
                .then().statusCode(200).body("roles", equalTo(List.of("admin", "reviewer")));
        assertEquals(List.of("admin", "reviewer"), claims(Identity.passwordToken(address, user.username(), user.password()))
                .getStringListClaimValue("groups").stream().sorted().toList());
        asAdmin().body(Map.of("roles", List.of("ingest"))).patch("/api/users/" + user.username()).then().statusCode(200);
        asAdmin().queryParam("action", "user.roles").get("/api/security-audit").then()
                .body("items.detail", hasItem("admin,reviewer -> ingest"));

        List<String> otherAdmins = asAdmin().queryParam("size", 1000).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.enabled && it.roles.contains('admin') && it.username != '" + TestIdentity.ADMIN_USERNAME + "' }.username");
        otherAdmins.forEach(name -> asAdmin().body(Map.of("enabled", false)).patch("/api/users/" + name).then().statusCode(200));
        asAdmin().body(Map.of("enabled", false)).patch("/api/users/" + TestIdentity.ADMIN_USERNAME).then().statusCode(409)
                .body("type", equalTo("https://claimdesk.dev/problems/last-admin"));
        asAdmin().body(Map.of("roles", List.of("editor"))).patch("/api/users/" + TestIdentity.ADMIN_USERNAME).then().statusCode(409);
    }

    @Test
    void shouldStorePasswordsOnlyAsBcryptHashes() throws Exception {
        Identity.User user = Identity.createUser("hashed", "editor");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
            query.setString(1, user.username());
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("$2"), "bcrypt modular crypt format");
                assertFalse(rs.getString(1).contains(user.password()));
            }
        }
    }

    @Test
    void shouldRefuseShortCommonAndUsernameBasedPasswordsAndUnknownRoles() {
        asAdmin().body(Map.of("username", "weak-one", "password", "short-pw", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400)
                .body("errors.message", hasItem("must be at least 12 characters"));
        asAdmin().body(Map.of("username", "weak-two", "password", "1q2w3e4r5t6y", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400)
                .body("errors.message", hasItem("is on a list of commonly used passwords"));
        asAdmin().body(Map.of("username", "weak-three", "password", "weak-three-is-me", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(400)
                .body("errors.message", hasItem("must not contain the username"));
        asAdmin().body(Map.of("username", "weak-four", "password", "a-fine-long-passphrase", "roles", List.of("superuser")))
                .post("/api/users").then().statusCode(400)
                .body("errors.field", hasItem("roles"));
        asAdmin().get("/api/users/weak-one").then().statusCode(404);
    }

    @Test
    void shouldAuditAdminActionsWithWhoAndFromWhere() {
        String address = Identity.newAddress();
        Identity.asAdmin().header("X-Forwarded-For", address)
                .body(Map.of("username", "audited-" + System.nanoTime() % 100000, "password", "pw-" + java.util.UUID.randomUUID(),
                        "roles", List.of("reviewer")))
                .post("/api/users").then().statusCode(201);
        asAdmin().queryParam("action", "user.create").queryParam("actor", "test-admin").get("/api/security-audit")
                .then().statusCode(200).body("items.address", hasItem(address));
    }
}
