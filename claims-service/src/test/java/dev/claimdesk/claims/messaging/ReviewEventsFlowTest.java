package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.commons.testing.Broker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static dev.claimdesk.claims.testing.Articles.ingest;
import static dev.claimdesk.commons.security.Roles.EDITOR;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** task.updated.v1 and verdict.published.v1 through the real broker, applied to every claim of the cluster. */
@QuarkusTest
class ReviewEventsFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMarkTheClusterInReviewThenApplyItsVerdictInFeedOrderAndShowItOnANewMatchingClaim() throws Exception {
        String place = "Tarnow" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = UUID.randomUUID();
        ingest(first, "Wire", "A landslide near " + place + " buried 23 houses on Wednesday, the regional governor said.");
        Claim claim = Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC'", first).firstResult();
        UUID cluster = claim.clusterId;
        UUID verdictId = UUID.randomUUID();

        try (Broker broker = Broker.connect()) {
            broker.publish("tasks", "task.updated.v1", UUID.randomUUID().toString(), JSON.writeValueAsBytes(Map.of(
                    "eventId", UUID.randomUUID(), "occurredAt", Instant.now().toString(), "taskId", UUID.randomUUID(),
                    "clusterId", cluster, "claimIds", List.of(claim.id), "stage", "FIRST_REVIEW", "status", "ASSIGNED",
                    "version", 1)));
            await(() -> "IN_REVIEW".equals(status(claim.id)), "claims of a cluster under review show IN_REVIEW");

            broker.publish("verdicts", "verdict.published.v1", UUID.randomUUID().toString(), verdict(verdictId, 2, 7, cluster, "FALSE"));
            await(() -> "VERDICT".equals(status(claim.id)), "the verdict reaches the claim");
            // version 1 arrives late: the feed already went further, so it changes nothing
            String late = UUID.randomUUID().toString();
            broker.publish("verdicts", "verdict.published.v1", late, verdict(verdictId, 1, 5, cluster, "MIXED"));
            await(() -> processed(late), "the late version is consumed");
        }
        givenToken(EDITOR).get("/api/claims/" + claim.id).then().statusCode(200)
                .body("status", equalTo("VERDICT"))
                .body("verdict.verdictId", equalTo(verdictId.toString()))
                .body("verdict.rating", equalTo("FALSE"))
                .body("verdict.version", equalTo(2));
        givenToken(EDITOR).get("/api/clusters/" + cluster).then().statusCode(200).body("verdict.rating", equalTo("FALSE"));

        UUID later = UUID.randomUUID();
        ingest(later, "Paper", "On Wednesday a landslide buried 23 houses near " + place + ", according to the regional governor.");
        Claim joining = Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC'", later).firstResult();
        assertEquals(cluster, joining.clusterId, "the same claim joins the reviewed cluster");
        givenToken(EDITOR).get("/api/claims/" + joining.id).then().statusCode(200)
                .body("status", equalTo("VERDICT")).body("verdict.rating", equalTo("FALSE"));
    }

    @Test
    void shouldDeadLetterAVerdictForAnUnknownClusterOrWithoutARatingAndKeepConsuming() throws Exception {
        try (Broker broker = Broker.connect()) {
            String unknown = UUID.randomUUID().toString();
            broker.publish("verdicts", "verdict.published.v1", unknown, verdict(UUID.randomUUID(), 1, 1, UUID.randomUUID(), "FALSE"));
            String unrated = UUID.randomUUID().toString();
            broker.publish("verdicts", "verdict.published.v1", unrated, verdict(UUID.randomUUID(), 1, 1, UUID.randomUUID(), "WRONG"));
            assertNotNull(broker.awaitMessage("claims.verdict-published.dlq", unknown, Duration.ofSeconds(15)));
            assertNotNull(broker.awaitMessage("claims.verdict-published.dlq", unrated, Duration.ofSeconds(15)));
            String task = UUID.randomUUID().toString();
            broker.publish("tasks", "task.updated.v1", task, "{\"taskId\": null}".getBytes());
            assertNotNull(broker.awaitMessage("claims.task-updated.dlq", task, Duration.ofSeconds(15)));
        }
    }

    private static byte[] verdict(UUID id, int version, long sequence, UUID cluster, String rating) throws Exception {
        return JSON.writeValueAsBytes(Map.ofEntries(Map.entry("eventId", UUID.randomUUID()),
                Map.entry("occurredAt", Instant.now().toString()), Map.entry("id", id), Map.entry("version", version),
                Map.entry("sequence", sequence), Map.entry("clusterId", cluster), Map.entry("claimIds", List.of()),
                Map.entry("rating", rating), Map.entry("claimReviewed", "A landslide buried 23 houses."),
                Map.entry("explanation", "Checked."), Map.entry("publishedAt", Instant.now().toString())));
    }

    private static String status(UUID claimId) {
        return (String) Claim.getEntityManager().createNativeQuery("SELECT status FROM claim WHERE id = ?1")
                .setParameter(1, claimId).getSingleResult();
    }

    private static boolean processed(String messageId) {
        return ((Number) Claim.getEntityManager().createNativeQuery("SELECT count(*) FROM processed_message WHERE message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue() == 1;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what);
            Thread.sleep(50);
        }
    }
}
