package dev.claimdesk.webui.page;

import dev.claimdesk.webui.support.Identity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Each page for the roles that use it, and the page chrome offering only what the user may open. */
@QuarkusTest
class PageAccessTest {

    private static RequestSpecification signedIn(String... roles) {
        String address = Identity.newAddress();
        String session = LoginSessionTest.signIn(address, Identity.createUser("pages", roles));
        return Identity.from(address).redirects().follow(false).cookie("claimdesk_session", session);
    }

    @Test
    void shouldOpenEachPageOnlyToTheRolesThatUseIt() {
        RequestSpecification editor = signedIn("editor");
        editor.get("/drafts").then().statusCode(200);
        editor.get("/ingest").then().statusCode(403);
        editor.get("/admin").then().statusCode(403);
        editor.get("/desk").then().statusCode(403);
        RequestSpecification reviewer = signedIn("reviewer");
        reviewer.get("/admin").then().statusCode(403);
        reviewer.get("/ingest").then().statusCode(403);
        signedIn("ingest").get("/ingest").then().statusCode(200).body(containsString("id=\"ingest-form\""));
        given().redirects().follow(false).get("/ingest").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldShowABrowserAnErrorPageWithAWayBackAndKeepTheProblemDocumentForEveryOtherClient() {
        RequestSpecification editor = signedIn("editor");
        String from = "http://localhost:" + io.restassured.RestAssured.port + "/articles";
        editor.accept("text/html,application/xhtml+xml,*/*;q=0.8").header("Referer", from).get("/desk").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("<h1>Forbidden</h1>"))
                .body(containsString("href=\"/articles\"")).body(containsString("href=\"/\""));
        signedIn("reviewer").accept("text/html").get("/desk/tasks/not-a-task-id").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("id=\"problem\""));
        editor.accept("*/*").get("/desk").then().statusCode(403)
                .contentType(containsString("application/problem+json")).body("type", containsString("/problems/forbidden"));
    }

    @Test
    void shouldOfferInTheNavigationOnlyWhatTheUserMayOpen() {
        signedIn("editor").get("/").then().statusCode(200)
                .body(containsString("href=\"/articles\"")).body(not(containsString("href=\"/desk\"")))
                .body(not(containsString("href=\"/ingest\""))).body(not(containsString("href=\"/admin\"")));
        signedIn("admin").get("/").then().statusCode(200)
                .body(containsString("href=\"/desk\"")).body(containsString("href=\"/ingest\"")).body(containsString("href=\"/admin\""));
    }

    @Test
    void shouldKeepWhatWasTypedAndSendNothingWhenTheIngestFormHasExpired() {
        signedIn("ingest").formParam("_csrf", "stale").formParam("title", "Dam vote").formParam("outlet", "Fjord Post")
                .formParam("body", "The council approved the dam </textarea><script>x()</script>").post("/ingest")
                .then().statusCode(403).header("Server-Timing", containsString("app;dur="))
                .body(containsString("This form has expired"))
                .body(containsString("The council approved the dam &lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;"));
    }
}
