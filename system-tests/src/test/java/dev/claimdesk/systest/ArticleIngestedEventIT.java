package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.claimdesk.commons.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real article.ingested.v1, from the built ingest-service jar through the real broker, against its schema. */
class ArticleIngestedEventIT {

    private static ServiceProcess ingest;

    @BeforeAll
    static void start() throws Exception {
        ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of("CLAIMDESK_JSON_LOGS", "true"));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void shouldWriteJsonLogsWhenAsked() throws Exception {
        List<String> lines = Files.readAllLines(ingest.log()).stream().filter(l -> l.startsWith("{")).toList();
        assertTrue(lines.size() >= 3, "JSON log lines: " + lines.size());
        for (String line : lines) {
            JsonNode entry = new ObjectMapper().readTree(line);
            assertNotNull(entry.get("timestamp"));
            assertNotNull(entry.get("level"));
            assertNotNull(entry.get("message"));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("RabbitMQ topology declared")));
    }

    @Test
    void shouldPublishASeedArticleAsASchemaValidEventWithHeaders() throws Exception {
        String body = Files.readString(dev.claimdesk.commons.testing.EvalData.seeds().resolve("000_8584d569caeb9c00.txt"));
        try (EventTap tap = new EventTap("articles", "article.ingested.v1")) {
            String id = given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest")).contentType(ContentType.JSON)
                    .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .body(Map.of("title", body.lines().findFirst().orElseThrow(), "outlet", "Fox News",
                            "url", "https://systest.example/" + UUID.randomUUID(), "publishedAt", "2022-03-29T12:00:00Z",
                            "body", body))
                    .post("/api/articles").then().statusCode(201).extract().path("id");

            EventTap.Event event = tap.next(Duration.ofSeconds(10), e -> id.equals(e.body().path("articleId").asText()));
            assertNotNull(event, "article.ingested.v1 on the broker");
            assertEquals("", Contracts.violations("article.ingested.v1", event.body()));
            assertEquals(id, event.body().get("articleId").asText());
            assertEquals(event.body().get("eventId").asText(), event.raw().getProps().getMessageId());
            assertEquals("article.ingested.v1", event.header("type"));
            assertEquals(2, event.raw().getProps().getDeliveryMode());
            assertTrue(event.header("traceparent").startsWith("00-0af7651916cd43dd8448eb211c80319c-"));
            assertTrue(!event.body().get("cleanText").asText().contains("CLICK HERE TO GET THE FOX NEWS APP"));
        }
    }
}
