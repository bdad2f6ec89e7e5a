package dev.claimdesk.ingest.security;

import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestProfile(IngestRateLimitTest.ThreePerHour.class)
class IngestRateLimitTest {

    public static class ThreePerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimdesk.rate-limits.ingest.requests", "3", "claimdesk.rate-limits.ingest.period", "1H",
                    "claimdesk.rate-limits.ingest.burst", "3");
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAClientSpentItsBudgetWhileOthersGoOn() {
        String greedy = Tokens.valid("greedy-client", Roles.INGEST);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(greedy).contentType(ContentType.JSON).body("{}").post("/api/articles")
                    .then().statusCode(400);
        }
        given().auth().oauth2(greedy).contentType(ContentType.JSON).body("{}").post("/api/articles")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://claimdesk.dev/problems/too-many-requests"))
                .header("Retry-After", not(equalTo(null)));
        given().auth().oauth2(greedy).contentType(ContentType.JSON).body("[]").post("/api/articles/batch")
                .then().statusCode(429);

        given().auth().oauth2(Tokens.valid("polite-client", Roles.INGEST)).contentType(ContentType.JSON).body("{}")
                .post("/api/articles").then().statusCode(400);
    }
}
