package dev.claimdesk.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.testing.Broker;
import dev.claimdesk.ingest.support.Articles;
import dev.claimdesk.ingest.support.Store;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.claimdesk.commons.security.Roles.INGEST;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay publishes article.ingested.v1 to the real broker, persistent, with id, type and traceparent. */
@QuarkusTest
class ArticleIngestedPublishTest {

    @Inject
    Store store;

    private Broker broker;
    private Channel channel;
    private String queue;

    @BeforeEach
    void bindQueue() throws Exception {
        broker = Broker.connect();
        channel = broker.channel;
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "articles", "article.ingested.v1");
    }

    @AfterEach
    void close() throws Exception {
        broker.close();
    }

    private GetResponse next(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    void shouldPublishArticleIngestedWithMessageIdTypeAndTheRequestsTraceparent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> article = Articles.text("Announced", Articles.uniqueBody());
        String id = givenToken(INGEST).contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(article).post("/api/articles").then().statusCode(201).extract().path("id");

        GetResponse message = next(Duration.ofSeconds(10));
        assertNotNull(message, "article.ingested.v1 arrives on the broker");
        var props = message.getProps();
        assertEquals(2, props.getDeliveryMode(), "persistent");
        assertEquals("application/json", props.getContentType());
        assertEquals("article.ingested.v1", props.getType());
        assertEquals("article.ingested.v1", props.getHeaders().get("type").toString());
        String traceparent = props.getHeaders().get("traceparent").toString();
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), "the request's trace continues: " + traceparent);

        JsonNode body = new ObjectMapper().readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        assertEquals(props.getMessageId(), body.get("eventId").asText(), "message-id is the event id");
        assertEquals(id, body.get("articleId").asText());
        assertEquals(1, body.get("revision").asInt());
        assertEquals("Announced", body.get("title").asText());
        assertEquals(article.get("url"), body.get("url").asText());
        assertTrue(body.get("cleanText").asText().startsWith("Officials in "));
        assertEquals(1, store.count("SELECT count(*) FROM outbox WHERE id = ?::uuid AND sent_at IS NOT NULL",
                props.getMessageId()), "marked sent once confirmed");
    }

    @Test
    void shouldPublishNothingForAnUnchangedArticle() throws Exception {
        Map<String, Object> article = Articles.text("Once", Articles.uniqueBody());
        givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then().statusCode(201);
        assertNotNull(next(Duration.ofSeconds(10)));
        givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then().statusCode(200);
        assertNull(next(Duration.ofSeconds(2)), "no second event for the same content");
    }
}
