package dev.claimdesk.claims.messaging;

import com.rabbitmq.client.AMQP;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.commons.testing.Broker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** article.ingested.v1 through the real broker into claims-service: once per message id, poison to the DLQ. */
@QuarkusTest
class ArticleIngestedConsumerTest {

    private static String event(UUID eventId, UUID articleId) {
        return """
                {"eventId": "%s", "occurredAt": "2022-03-29T12:00:05Z", "articleId": "%s", "revision": 1,
                 "title": "Floods", "outlet": "Agency wire", "url": "https://agency.example/%s",
                 "publishedAt": "2022-03-29T12:00:00Z", "language": "en",
                 "cleanText": "Heavy rain killed at least 40 people, the agency said.", "copyOf": null,
                 "contentHash": "sha256:00"}""".formatted(eventId, articleId, articleId);
    }

    private static void publish(Broker broker, String messageId, String body, Map<String, Object> headers) throws Exception {
        broker.channel.confirmSelect();
        broker.channel.basicPublish("articles", "article.ingested.v1", true, new AMQP.BasicProperties.Builder()
                .messageId(messageId).contentType("application/json").deliveryMode(2).headers(headers).build(),
                body.getBytes(StandardCharsets.UTF_8));
        broker.channel.waitForConfirmsOrDie(5000);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what);
            Thread.sleep(50);
        }
    }

    private static long stored(UUID articleId) {
        return ReceivedArticle.count("key.articleId", articleId);
    }

    @Test
    void shouldApplyAMessageDeliveredThreeTimesOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID articleId = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            for (int i = 0; i < 3; i++) {
                publish(broker, eventId.toString(), event(eventId, articleId), Map.of("type", "article.ingested.v1"));
            }
            UUID marker = UUID.randomUUID();
            publish(broker, marker.toString(), event(marker, marker), Map.of());
            await(() -> stored(marker) == 1, "later message applied");
        }
        assertEquals(1, stored(articleId));
        assertEquals(1L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) ReceivedArticle.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM processed_message WHERE consumer = 'claims.article-ingested' AND message_id = ?1")
                        .setParameter(1, eventId.toString()).getSingleResult()).longValue()));
    }

    @Test
    void shouldDeadLetterAnUnreadableMessageAndKeepConsuming() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        UUID after = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            publish(broker, poisonId, "this is not json", Map.of());
            publish(broker, after.toString(), event(after, after), Map.of());
            await(() -> stored(after) == 1, "the message after the poison is applied");
            assertNotNull(broker.awaitMessage("claims.article-ingested.dlq", poisonId, Duration.ofSeconds(15)),
                    "the unreadable message is in the dead-letter queue");
        }
    }

    @Test
    void shouldDeadLetterAnEventMissingRequiredFields() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Broker broker = Broker.connect()) {
            publish(broker, id, "{\"eventId\": \"" + id + "\", \"revision\": 1}", Map.of());
            assertNotNull(broker.awaitMessage("claims.article-ingested.dlq", id, Duration.ofSeconds(15)),
                    "an event breaking the contract is dead-lettered");
        }
    }

    @Test
    void shouldContinueTheTraceTheMessageCarries() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        UUID articleId = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            publish(broker, UUID.randomUUID().toString(), event(UUID.randomUUID(), articleId),
                    Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        }
        await(() -> stored(articleId) == 1, "stored");
        String traceparent = ReceivedArticle.<ReceivedArticle>find("key.articleId", articleId).firstResult().traceparent;
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"), "consumer span continues: " + traceparent);
    }
}
