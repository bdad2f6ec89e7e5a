package dev.claimdesk.webui.page;

import dev.claimdesk.webui.support.Identity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LoginSessionTest {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    AgroalDataSource dataSource;

    record Form(String cookie, String field) {
    }

    static Form loginForm(String address) {
        Response page = Identity.from(address).get("/login");
        page.then().statusCode(200).contentType(containsString("text/html"));
        return new Form(page.getCookie("claimdesk_login_csrf"), csrf(page.body().asString()));
    }

    static String csrf(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        assertTrue(m.find(), "the page carries a CSRF token");
        return m.group(1);
    }

    static Response postLogin(String address, Form form, String username, String password) {
        return Identity.from(address).redirects().follow(false)
                .cookie("claimdesk_login_csrf", form.cookie())
                .formParam("username", username).formParam("password", password).formParam("_csrf", form.field())
                .post("/login");
    }

    /** Signs in and answers the session cookie. */
    static String signIn(String address, Identity.User user) {
        Response response = postLogin(address, loginForm(address), user.username(), user.password());
        response.then().statusCode(303).header("Location", matchesPattern("http://[^/]+/")).header("Cache-Control", "no-store");
        String session = response.getCookie("claimdesk_session");
        assertNotNull(session);
        return session;
    }

    static Response home(String session) {
        return given().redirects().follow(false).cookie("claimdesk_session", session).get("/");
    }

    @Test
    void shouldSendAnAnonymousBrowserToTheLoginPageAndBackAfterSigningIn() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", "/login?next=%2F");
        Identity.User user = Identity.createUser("reviewer", "reviewer");
        String session = signIn(Identity.newAddress(), user);
        home(session).then().statusCode(200).body(containsString(user.username())).body(containsString("reviewer"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void shouldNotLetTheSessionCookieIntoTheApis() {
        Identity.User user = Identity.createUser("cookie-api", "editor");
        String session = signIn(Identity.newAddress(), user);
        home(session).then().statusCode(200);
        given().cookie("claimdesk_session", session).get("/api/me").then().statusCode(401);
        given().cookie("claimdesk_session", session).get("/api/users").then().statusCode(401);
    }

    @Test
    void shouldSetTheSessionCookieHttpOnlySameSiteAndSecureBehindHttps() {
        Identity.User user = Identity.createUser("cookie", "editor");
        String address = Identity.newAddress();
        Response plain = postLogin(address, loginForm(address), user.username(), user.password());
        String header = plain.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("claimdesk_session=")).findFirst().orElseThrow();
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Lax"), header);
        assertFalse(header.contains("Secure"), "no Secure flag over plain http: " + header);

        Form form = loginForm(address);
        Response https = Identity.from(address).header("X-Forwarded-Proto", "https").redirects().follow(false)
                .cookie("claimdesk_login_csrf", form.cookie())
                .formParam("username", user.username()).formParam("password", user.password()).formParam("_csrf", form.field())
                .post("/login");
        String secure = https.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("claimdesk_session=")).findFirst().orElseThrow();
        assertTrue(secure.contains("Secure") && secure.contains("HttpOnly"), secure);
    }

    @Test
    void shouldStartANewSessionAtEveryLogin() {
        Identity.User user = Identity.createUser("twice", "editor");
        String address = Identity.newAddress();
        String first = signIn(address, user);
        Form form = loginForm(address);
        Response again = Identity.from(address).redirects().follow(false)
                .cookie("claimdesk_login_csrf", form.cookie()).cookie("claimdesk_session", first)
                .formParam("username", user.username()).formParam("password", user.password()).formParam("_csrf", form.field())
                .post("/login");
        String second = again.getCookie("claimdesk_session");
        assertNotEquals(first, second);
        home(first).then().statusCode(303);
        home(second).then().statusCode(200);
    }

    @Test
    void shouldRefuseALoginPostWithoutTheFormsCsrfToken() {
        Identity.User user = Identity.createUser("csrf", "editor");
        String address = Identity.newAddress();
        Form form = loginForm(address);
        Response forged = Identity.from(address).redirects().follow(false)
                .formParam("username", user.username()).formParam("password", user.password()).formParam("_csrf", form.field())
                .post("/login");
        forged.then().statusCode(403);
        assertNull(forged.getCookie("claimdesk_session"));
        Response mismatched = postLogin(address, new Form(form.cookie(), "not-" + form.field()), user.username(), user.password());
        mismatched.then().statusCode(403);
        assertNull(mismatched.getCookie("claimdesk_session"));
    }

    @Test
    void shouldRefuseAFormPostedFromAnotherSite() {
        Identity.User user = Identity.createUser("origin", "editor");
        String address = Identity.newAddress();
        Form form = loginForm(address);
        Identity.from(address).redirects().follow(false).header("Origin", "https://evil.example")
                .cookie("claimdesk_login_csrf", form.cookie())
                .formParam("username", user.username()).formParam("password", user.password()).formParam("_csrf", form.field())
                .post("/login").then().statusCode(403).body("type", equalTo("https://claimdesk.dev/problems/cross-site-form"));
    }

    @Test
    void shouldEndTheSessionOnTheServerAtLogoutAndOnlyWithTheSessionsCsrfToken() {
        Identity.User user = Identity.createUser("logout", "editor");
        String session = signIn(Identity.newAddress(), user);
        String csrf = csrf(home(session).body().asString());

        given().redirects().follow(false).cookie("claimdesk_session", session).formParam("_csrf", "forged")
                .post("/logout").then().statusCode(403);
        home(session).then().statusCode(200);

        Response out = given().redirects().follow(false).cookie("claimdesk_session", session).formParam("_csrf", csrf)
                .post("/logout");
        out.then().statusCode(303).header("Location", matchesPattern("http://[^/]+/login"));
        assertEquals("", out.getCookie("claimdesk_session"));
        // The old cookie replayed after logout opens nothing: the session ended on the server.
        home(session).then().statusCode(303);
    }

    @Test
    void shouldClearACookieOfASessionTheServerDoesNotKnowAndOpenTheLoginPage() throws Exception {
        String session = signIn(Identity.newAddress(), Identity.createUser("stale", "reviewer"));
        age(session, "last_seen_at = now() - interval '31 minutes'");
        for (String cookie : java.util.List.of(session, "no-such-session")) {
            Response login = given().redirects().follow(false).cookie("claimdesk_session", cookie).get("/login?next=%2Fdesk");
            login.then().statusCode(200).body(containsString("name=\"password\""));
            assertEquals("", login.getCookie("claimdesk_session"), "the stale cookie is cleared");
            Response desk = given().redirects().follow(false).cookie("claimdesk_session", cookie).get("/desk");
            desk.then().statusCode(303).header("Location", "/login?next=%2Fdesk");
            assertEquals("", desk.getCookie("claimdesk_session"));
        }
    }

    @Test
    void shouldSendAFormPostedWithoutASessionToSignInAndBackToThePageItWasOn() {
        String page = "http://localhost:" + io.restassured.RestAssured.port + "/desk/tasks/0b1c2d3e-0000-4000-8000-000000000001";
        given().redirects().follow(false).cookie("claimdesk_session", "no-such-session").header("Referer", page)
                .formParam("rating", "TRUE").post("/desk/tasks/0b1c2d3e-0000-4000-8000-000000000001/verdict")
                .then().statusCode(303).header("Location", "/login?next=%2Fdesk%2Ftasks%2F0b1c2d3e-0000-4000-8000-000000000001");
        // a Referer of another site is no way back: the login leads home
        given().redirects().follow(false).header("Referer", "https://elsewhere.example/desk/tasks/1")
                .formParam("rating", "TRUE").post("/desk/tasks/0b1c2d3e-0000-4000-8000-000000000001/verdict")
                .then().statusCode(303).header("Location", "/login?next=%2F");
        // the APIs still answer 401 to a request without a token
        given().redirects().follow(false).contentType("application/json").body("{}").post("/api/users").then().statusCode(401);
    }

    @Test
    void shouldExpireASessionAfterTheIdleTimeout() throws Exception {
        String session = signIn(Identity.newAddress(), Identity.createUser("idle", "editor"));
        home(session).then().statusCode(200);
        age(session, "last_seen_at = now() - interval '31 minutes'");
        home(session).then().statusCode(303).header("Location", containsString("/login"));
        assertEquals("idle timeout", endReason(session));
    }

    @Test
    void shouldExpireASessionAfterTheAbsoluteTimeoutEvenWhenActive() throws Exception {
        String session = signIn(Identity.newAddress(), Identity.createUser("long", "editor"));
        age(session, "created_at = now() - interval '12 hours 1 minute'");
        home(session).then().statusCode(303);
        assertEquals("absolute timeout", endReason(session));
    }

    @Test
    void shouldEndTheSessionsOfADisabledUser() throws Exception {
        Identity.User user = Identity.createUser("disabled", "editor");
        String session = signIn(Identity.newAddress(), user);
        Identity.asAdmin().body(java.util.Map.of("enabled", false)).patch("/api/users/" + user.username()).then().statusCode(200);
        home(session).then().statusCode(303);
        assertEquals("account disabled", endReason(session));
    }

    @Test
    void shouldShowTheLoginFormAgainWithAMessageOnWrongCredentials() {
        Identity.User user = Identity.createUser("typo", "editor");
        String address = Identity.newAddress();
        Response refused = postLogin(address, loginForm(address), user.username(), "wrong-password-here");
        refused.then().statusCode(401).body(containsString("Wrong username or password"));
        assertNull(refused.getCookie("claimdesk_session"));
        postLogin(address, loginForm(address), user.username(), "x").then().body(not(containsString(user.password())));
    }

    private void age(String session, String assignment) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE web_session SET " + assignment + " WHERE token_hash = ?")) {
            update.setBytes(1, dev.claimdesk.webui.service.Secrets.sha256(session));
            assertEquals(1, update.executeUpdate());
        }
    }

    private String endReason(String session) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT end_reason FROM web_session WHERE token_hash = ?")) {
            query.setBytes(1, dev.claimdesk.webui.service.Secrets.sha256(session));
            try (var rs = query.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
