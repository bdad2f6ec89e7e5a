package dev.claimdesk.claims.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.commons.testing.Broker;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishes article.ingested.v1 to the real broker, as ingest-service would, and waits until it is received. */
public final class Articles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Articles() {
    }

    public static void ingest(UUID articleId, String outlet, String cleanText) throws Exception {
        ingest(articleId, 1, outlet, cleanText, null);
    }

    public static void ingest(UUID articleId, int revision, String outlet, String cleanText, UUID copyOf) throws Exception {
        ingest(articleId, revision, outlet, cleanText, copyOf, "en");
    }

    public static void ingest(UUID articleId, int revision, String outlet, String cleanText, UUID copyOf, String language)
            throws Exception {
        publish(articleId, revision, outlet, cleanText, copyOf, language);
        awaitReceived(articleId, revision);
    }

    /** An article.ingested.v1 to publish. */
    public record Revision(UUID articleId, int revision, String outlet, String cleanText) {
    }

    /**
     * Publishes article.ingested.v1 for each revision back to back on one channel, without waiting for
     * claims-service, so that they arrive together.
     */
    public static void publish(Revision... revisions) throws Exception {
        try (Broker broker = Broker.connect()) {
            broker.channel.confirmSelect();
            for (Revision r : revisions) {
                publish(broker, r.articleId(), r.revision(), r.outlet(), r.cleanText(), null, "en");
            }
            broker.channel.waitForConfirmsOrDie(5000);
        }
    }

    private static void publish(UUID articleId, int revision, String outlet, String cleanText, UUID copyOf, String language)
            throws Exception {
        try (Broker broker = Broker.connect()) {
            broker.channel.confirmSelect();
            publish(broker, articleId, revision, outlet, cleanText, copyOf, language);
            broker.channel.waitForConfirmsOrDie(5000);
        }
    }

    private static void publish(Broker broker, UUID articleId, int revision, String outlet, String cleanText, UUID copyOf,
                                String language) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString()).put("occurredAt", "2022-03-29T12:00:05Z")
                .put("articleId", articleId.toString()).put("revision", revision).put("title", "Story")
                .put("outlet", outlet).put("language", language).put("cleanText", cleanText);
        if (copyOf != null) {
            body.put("copyOf", copyOf.toString());
        }
        broker.channel.basicPublish("articles", "article.ingested.v1", true, new AMQP.BasicProperties.Builder()
                        .messageId(body.get("eventId").asText()).deliveryMode(2).build(),
                JSON.writeValueAsBytes(body));
    }

    public static void awaitReceived(UUID articleId, int revision) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ReceivedArticle.findById(new ReceivedArticle.Key(articleId, revision)) == null) {
            assertTrue(Instant.now().isBefore(deadline), "article " + articleId + " revision " + revision + " received");
            Thread.sleep(50);
        }
    }

}
