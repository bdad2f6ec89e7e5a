package dev.claimdesk.webui.support;

import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Accounts and client addresses for web-ui's tests. */
public final class Identity {

    private Identity() {
    }

    public record User(String username, String password) {
    }

    /** A JWT of an admin that exists only in the token: enough for the admin APIs. */
    public static RequestSpecification asAdmin() {
        return Tokens.givenToken("admin").contentType(ContentType.JSON);
    }

    /** A new account with these roles and a strong random password, created through the admin API. */
    public static User createUser(String prefix, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        asAdmin().body(Map.of("username", username, "displayName", "Test " + prefix, "password", password, "roles", List.of(roles)))
                .post("/api/users").then().statusCode(201);
        return new User(username, password);
    }

    /** A documentation-range address of its own, so rate limits and lockouts of one test never meet another's. */
    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /** A request that comes from {@code address} (web-ui trusts 127.0.0.1 as a proxy in tests). */
    public static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    public static String passwordToken(String address, String username, String password) {
        return from(address).contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
