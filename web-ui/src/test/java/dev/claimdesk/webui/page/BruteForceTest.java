package dev.claimdesk.webui.page;

import dev.claimdesk.webui.support.Identity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.claimdesk.webui.page.LoginSessionTest.loginForm;
import static dev.claimdesk.webui.page.LoginSessionTest.postLogin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class BruteForceTest {

    @Test
    void shouldLockAnAccountAfterFiveWrongPasswordsWith429AndAuditEveryAttempt() {
        Identity.User user = Identity.createUser("target", "reviewer");
        String attacker = Identity.newAddress();
        for (int i = 1; i <= 4; i++) {
            postLogin(attacker, loginForm(attacker), user.username(), "guess-number-" + i).then().statusCode(401);
        }
        postLogin(attacker, loginForm(attacker), user.username(), "guess-number-5").then().statusCode(429)
                .header("Retry-After", notNullValue());
        // Locked: even the right password is refused, on the form and on the token endpoint.
        postLogin(attacker, loginForm(attacker), user.username(), user.password()).then().statusCode(429);
        Identity.from(Identity.newAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", user.username(), "password", user.password()))
                .post("/api/auth/token").then().statusCode(429).header("Retry-After", notNullValue())
                .body("type", equalTo("https://claimdesk.dev/problems/too-many-requests"));

        Identity.asAdmin().queryParam("actor", user.username()).queryParam("action", "login.password").queryParam("size", 100)
                .get("/api/security-audit").then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.address", everyItem(equalTo(attacker)))
                .body("items.outcome", hasItem("refused: wrong password"))
                .body("items.outcome", hasItem("refused: locked"));
        Identity.asAdmin().queryParam("action", "account.lock").get("/api/security-audit").then().statusCode(200)
                .body("items.target", hasItem(user.username()));

        // An admin lifts the lock by re-enabling; the user signs in again.
        Identity.asAdmin().body(Map.of("enabled", false)).patch("/api/users/" + user.username()).then().statusCode(200);
        Identity.asAdmin().body(Map.of("enabled", true)).patch("/api/users/" + user.username()).then().statusCode(200);
        Identity.passwordToken(Identity.newAddress(), user.username(), user.password());
    }

    @Test
    void shouldLimitLoginAttemptsPerAddressAcrossUsernames() {
        String sprayer = Identity.newAddress();
        for (int i = 0; i < 10; i++) {
            postLogin(sprayer, loginForm(sprayer), "sprayed-" + i, "password-spray-" + i).then().statusCode(401);
        }
        postLogin(sprayer, loginForm(sprayer), "sprayed-10", "password-spray-10").then().statusCode(429)
                .header("Retry-After", notNullValue());
        postLogin(Identity.newAddress(), loginForm(Identity.newAddress()), "sprayed-10", "x").then().statusCode(401);
    }

    @Test
    void shouldLimitTheTokenEndpointPerAddress() {
        String client = Identity.newAddress();
        for (int i = 0; i < 30; i++) {
            Identity.from(client).contentType(ContentType.JSON).body(Map.of("apiToken", "cdk_unknown" + i))
                    .post("/api/auth/token").then().statusCode(401);
        }
        Identity.from(client).contentType(ContentType.JSON).body(Map.of("apiToken", "cdk_unknown"))
                .post("/api/auth/token").then().statusCode(429).header("Retry-After", notNullValue());
        Identity.asAdmin().queryParam("action", "token.api-token").queryParam("size", 1000).get("/api/security-audit")
                .then().body("items.findAll { it.address == '" + client + "' }.outcome", everyItem(equalTo("refused: unknown token")));
    }
}
