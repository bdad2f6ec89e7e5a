package dev.claimdesk.systest;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * web-ui issues, ingest-service accepts: JWTs from the token endpoint carry their roles into another service,
 * API tokens work until revoked, and the prod profile keeps metrics and OpenAPI for admins.
 */
class IdentityFlowIT {

    static String token(ServiceProcess webUi, Map<String, String> credentials) {
        return given().baseUri(webUi.baseUri()).contentType(ContentType.JSON).body(credentials)
                .post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void shouldLetTokensFromWebUiIntoIngestServiceWithTheirRolesUntilRevoked() throws Exception {
        try (ServiceProcess webUi = ServiceProcess.start("web-ui", "claimdesk_systest_webui", Map.of());
             ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of())) {
            String admin = token(webUi, Map.of("username", Env.ADMIN, "password", Env.adminPassword()));

            given().baseUri(ingest.baseUri()).get("/q/metrics").then().statusCode(401);
            given().baseUri(ingest.baseUri()).auth().oauth2(admin).get("/q/metrics").then().statusCode(200);
            given().baseUri(ingest.baseUri()).get("/q/health/ready").then().statusCode(200);

            var created = given().baseUri(webUi.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", "wire importer", "roles", List.of("ingest")))
                    .post("/api/tokens").then().statusCode(201).extract();
            String ingestJwt = token(webUi, Map.of("apiToken", created.path("token")));
            String marker = UUID.randomUUID().toString();
            given().baseUri(ingest.baseUri()).auth().oauth2(ingestJwt).contentType(ContentType.JSON)
                    .body(Map.of("title", "Identity " + marker, "outlet", "Identity Wire " + marker, "url", "https://wire.example/" + marker,
                            "body", "Officials said 40 homes were damaged in " + marker + " on Monday."))
                    .post("/api/articles").then().statusCode(201);

            String password = "pw-" + UUID.randomUUID();
            given().baseUri(webUi.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", "desk-editor", "password", password, "roles", List.of("editor")))
                    .post("/api/users").then().statusCode(201);
            String editor = token(webUi, Map.of("username", "desk-editor", "password", password));
            given().baseUri(ingest.baseUri()).auth().oauth2(editor).contentType(ContentType.JSON).body("{}")
                    .post("/api/articles").then().statusCode(403);
            given().baseUri(ingest.baseUri()).auth().oauth2(editor).queryParam("outlet", "Identity Wire " + marker)
                    .get("/api/articles").then().statusCode(200).body("total", equalTo(1));

            given().baseUri(webUi.baseUri()).auth().oauth2(admin).delete("/api/tokens/" + created.path("id"))
                    .then().statusCode(200);
            given().baseUri(webUi.baseUri()).contentType(ContentType.JSON).body(Map.of("apiToken", created.path("token")))
                    .post("/api/auth/token").then().statusCode(401);
        }
    }
}
