package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.commons.testing.Broker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.commons.security.Roles.ADMIN;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ops' dead letters over the real broker: counted, read in place, sent back to their queue, discarded, audited. */
@QuarkusTest
class DeadLetterAdminTest {

    private static final String QUEUE = "claims.article-ingested";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification admin() {
        return givenToken(ADMIN).contentType(ContentType.JSON);
    }

    private static Map<String, Object> letter(String messageId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonPath letters = admin().queryParam("limit", 100).get("/api/admin/dead-letters/" + QUEUE + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> found = letters.getMap("find { it.messageId == '" + messageId + "' }");
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static long waiting() {
        return admin().get("/api/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.queue == '" + QUEUE + "' }.messages");
    }

    @Test
    void shouldShowAPoisonMessageInPlaceAndSendItBackToItsQueueWhereItDiesAgain() throws Exception {
        String poison = UUID.randomUUID().toString();
        try (Broker broker = Broker.connect()) {
            broker.publish("articles", "article.ingested.v1", poison, "{not json".getBytes());
        }
        Map<String, Object> dead = letter(poison);
        assertNotNull(dead, "dead-lettered");
        assertEquals("{not json", dead.get("body"));
        assertEquals("rejected", dead.get("reason"));
        assertEquals(1, ((Number) dead.get("deaths")).intValue());
        // a peek takes letters unacknowledged; the quorum queue counts them as waiting again a moment after it ends
        Instant counted = Instant.now().plus(Duration.ofSeconds(10));
        while (waiting() < 1 && Instant.now().isBefore(counted)) {
            Thread.sleep(100);
        }
        assertTrue(waiting() >= 1);
        assertNotNull(letter(poison), "reading a dead letter leaves it where it is");

        admin().body(Map.of("messageIds", List.of(poison))).post("/api/admin/dead-letters/" + QUEUE + "/redrive").then()
                .statusCode(200).body("messages", equalTo(1)).body("messageIds", equalTo(List.of(poison)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Map<String, Object> again = letter(poison);
        while ((again == null || ((Number) again.get("deaths")).intValue() < 2) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            again = letter(poison);
        }
        assertNotNull(again);
        assertEquals(2, ((Number) again.get("deaths")).intValue(), "redriven to its queue, refused there again");

        admin().body(Map.of("messageIds", List.of(poison))).post("/api/admin/dead-letters/" + QUEUE + "/discard").then()
                .statusCode(200).body("messages", equalTo(1));
        admin().queryParam("limit", 100).get("/api/admin/dead-letters/" + QUEUE + "/messages").then().statusCode(200)
                .body("messageId", not(hasItem(poison)));
        List<?> audited = dev.claimdesk.claims.Claim.getEntityManager().createNativeQuery(
                        "SELECT action FROM security_audit WHERE target = ?1 AND detail LIKE ?2 ORDER BY id")
                .setParameter(1, QUEUE).setParameter(2, "%" + poison + "%").getResultList();
        assertEquals(List.of("dead-letters.redrive", "dead-letters.discard"), audited);
    }

    @Test
    void shouldApplyADeadLetterRedrivenOnceItsCauseIsGone() throws Exception {
        // an article that died while, say, the database was away: the same event, now in the dead-letter queue
        UUID article = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        byte[] event = JSON.writeValueAsBytes(Map.of("eventId", id, "occurredAt", "2022-03-29T12:00:05Z",
                "articleId", article.toString(), "revision", 1, "title", "Story", "outlet", "Wire", "language", "en",
                "cleanText", "The council of Brask approved 12 new schools on Tuesday."));
        try (Broker broker = Broker.connect()) {
            broker.publish("", QUEUE + ".dlq", id, event);
        }
        assertNotNull(letter(id));
        admin().body(Map.of()).post("/api/admin/dead-letters/" + QUEUE + "/redrive").then().statusCode(200)
                .body("messageIds", hasItem(id));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (ReceivedArticle.findById(new ReceivedArticle.Key(article, 1)) == null) {
            assertTrue(Instant.now().isBefore(deadline), "the redriven article is taken in");
            Thread.sleep(100);
        }
    }

    @Test
    void shouldRefuseUnknownQueuesAndADiscardThatNamesNothing() {
        admin().get("/api/admin/dead-letters/review.claim-extracted/messages").then().statusCode(404);
        admin().body(Map.of()).post("/api/admin/dead-letters/" + QUEUE + "/discard").then().statusCode(400);
        admin().body(Map.of("messageIds", List.of())).post("/api/admin/dead-letters/" + QUEUE + "/redrive").then().statusCode(400);
        admin().queryParam("limit", 0).get("/api/admin/dead-letters/" + QUEUE + "/messages").then().statusCode(400);
    }
}
