package dev.claimdesk.systest;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.claimdesk.commons.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From the HTTP request to ingest-service, through the outbox and the broker, into claims-service: the
 * article arrives once and the request's trace continues in the consumer.
 */
class ArticleFlowIT {

    @Test
    void shouldCarryAnIngestedArticleAndItsTraceIntoClaimsService() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (ServiceProcess claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", Map.of());
             ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of());
             EventTap extracted = new EventTap("claims", "claim.extracted.v1")) {
            String marker = UUID.randomUUID().toString();
            String id = given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest")).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                    .body(Map.of("title", "Flow " + marker, "outlet", "Flow Wire", "url", "https://flow.example/" + marker,
                            "body", "Officials in " + marker + " said 14 people were still missing on Sunday.\n\n"
                                    + "Rescue teams searched the valley " + marker + " through the night."))
                    .post("/api/articles").then().statusCode(201).extract().path("id");

            String traceparent = null;
            int rows = 0;
            Instant deadline = Instant.now().plusSeconds(20);
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + Env.pg() + "/claimdesk_systest_claims",
                    Env.pgUser(), "")) {
                while (rows == 0 && Instant.now().isBefore(deadline)) {
                    try (PreparedStatement select = db.prepareStatement(
                            "SELECT traceparent FROM received_article WHERE article_id = ?::uuid")) {
                        select.setString(1, id);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                                traceparent = rs.getString(1);
                            }
                        }
                    }
                    Thread.sleep(100);
                }
            }
            assertEquals(1, rows, "claims-service received the article once");
            assertNotNull(traceparent);
            assertTrue(traceparent.startsWith("00-" + traceId + "-"), "the request's trace continues in the consumer: " + traceparent);

            EventTap.Event event = extracted.next(java.time.Duration.ofSeconds(20),
                    e -> id.equals(e.body().path("articleId").asText()));
            assertNotNull(event, "claim.extracted.v1 published");
            assertEquals(id, event.body().get("articleId").asText());
            assertEquals("", Contracts.violations("claim.extracted.v1", event.body()));
            assertTrue(event.body().get("claims").size() >= 1, event.body().toString());
            given().baseUri(claims.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                    .queryParam("articleId", id).get("/api/claims").then().statusCode(200)
                    .body("items.quantity.value", org.hamcrest.Matchers.hasItem(14.0f));
        }
    }
}
