package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.commons.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import static org.junit.jupiter.api.Assertions.assertNull;
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

        // a correction rates the joining claim's figure on its own: it shows its own rating, the others the verdict's
        try (Broker broker = Broker.connect()) {
            String corrected = UUID.randomUUID().toString();
            Map<String, Object> v3 = new java.util.HashMap<>(JSON.readValue(verdict(verdictId, 3, 9, cluster, "TRUE"), Map.class));
            v3.put("claimRatings", List.of(Map.of("claimId", joining.id.toString(), "rating", "MOSTLY_FALSE")));
            broker.publish("verdicts", "verdict.published.v1", corrected, JSON.writeValueAsBytes(v3));
            await(() -> processed(corrected), "the corrected version is consumed");
        }
        givenToken(EDITOR).get("/api/claims/" + joining.id).then().statusCode(200).body("verdict.rating", equalTo("MOSTLY_FALSE"))
                .body("verdict.version", equalTo(3));
        givenToken(EDITOR).get("/api/claims/" + claim.id).then().statusCode(200).body("verdict.rating", equalTo("TRUE"));
        givenToken(EDITOR).get("/api/claims?clusterId=" + cluster).then().statusCode(200)
                .body("items.find { it.id == '" + joining.id + "' }.verdict.rating", equalTo("MOSTLY_FALSE"))
                .body("items.find { it.id == '" + claim.id + "' }.verdict.rating", equalTo("TRUE"));
        givenToken(EDITOR).get("/api/clusters/" + cluster).then().statusCode(200).body("verdict.rating", equalTo("TRUE"))
                .body("verdict.claimRatings", org.hamcrest.Matchers.nullValue());
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

    @Test
    void shouldApplyTaskUpdatesThatWaitedTogetherInOneTransactionKeepingTheNewestVersionOfEachCluster() throws Exception {
        Claim blocker = statisticOf("Wire", "Floods near %s cut off 14 villages on Monday, the regional governor said.");
        Claim claim = statisticOf("Paper", "A fire near %s destroyed 31 warehouses on Tuesday, the fire brigade said.");
        String held = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        UUID task = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            whileTheConsumerWaitsOn(blocker, held, broker, () -> {
                // the cluster's newer version first, then an older one: one batch, and the older must not undo the newer
                broker.publish("tasks", "task.updated.v1", newer, task(task, claim, "CANCELLED", 2));
                broker.publish("tasks", "task.updated.v1", newer, task(task, claim, "CANCELLED", 2));
                broker.publish("tasks", "task.updated.v1", older, task(task, claim, "ASSIGNED", 1));
            });
        }
        await(() -> processed(older), "the batch is applied");
        assertEquals(processedAt(newer), processedAt(older), "the messages that waited together commit together");
        assertTrue(processed(newer), "a message delivered twice in one batch is applied once");
        assertEquals("IN_REVIEW", status(blocker.id));
        assertEquals("PENDING", status(claim.id), "the older version came last and changed nothing");
        assertEquals(2L, ((Number) Claim.getEntityManager().createNativeQuery("SELECT task_version FROM claim_cluster WHERE id = ?1")
                .setParameter(1, claim.clusterId).getSingleResult()).longValue());
    }

    @Test
    void shouldDeadLetterOnlyTheFailingTaskUpdatesOfABatchAndApplyTheRest() throws Exception {
        Claim blocker = statisticOf("Wire", "Storms near %s grounded 12 flights on Friday, the airport said.");
        Claim first = statisticOf("Paper", "Police near %s seized 48 rifles on Thursday, the prosecutor said.");
        Claim second = statisticOf("Radio", "Drought near %s killed 260 cattle this month, farmers said.");
        String unknownCluster = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        try (Broker broker = Broker.connect()) {
            whileTheConsumerWaitsOn(blocker, UUID.randomUUID().toString(), broker, () -> {
                broker.publish("tasks", "task.updated.v1", UUID.randomUUID().toString(), task(UUID.randomUUID(), first, "ASSIGNED", 1));
                broker.publish("tasks", "task.updated.v1", unknownCluster, JSON.writeValueAsBytes(Map.of("taskId", UUID.randomUUID(),
                        "clusterId", UUID.randomUUID(), "status", "ASSIGNED", "version", 1)));
                broker.publish("tasks", "task.updated.v1", unreadable, "{\"taskId\": ".getBytes());
                broker.publish("tasks", "task.updated.v1", UUID.randomUUID().toString(), task(UUID.randomUUID(), second, "ASSIGNED", 1));
            });
            // the unreadable one is dead-lettered as the batch is read, before the one its handler refuses
            assertNotNull(broker.awaitMessage("claims.task-updated.dlq", unreadable, Duration.ofSeconds(15)));
            assertNotNull(broker.awaitMessage("claims.task-updated.dlq", unknownCluster, Duration.ofSeconds(15)));
        }
        await(() -> "IN_REVIEW".equals(status(first.id)) && "IN_REVIEW".equals(status(second.id)),
                "the good messages around the failing ones are applied");
    }

    @Test
    void shouldApplyATaskUpdateNamingAnAbsorbedClusterInABatchToTheClusterThatAbsorbedIt() throws Exception {
        Claim blocker = statisticOf("Wire", "Hail near %s damaged 70 greenhouses on Sunday, the mayor said.");
        Claim absorbed = statisticOf("Paper", "Floodwater near %s closed 9 schools on Monday, officials said.");
        Claim absorber = statisticOf("Radio", "Wildfires near %s forced 800 residents from their homes on Saturday, firefighters said.");
        Claim other = statisticOf("Agency", "Frost near %s ruined 300 hectares of vines in April, growers said.");
        // as a merge leaves them: the absorbed cluster's claims moved, and the cluster pointing at the one that took them
        try (Connection db = dataSource.getConnection()) {
            db.createStatement().execute("UPDATE claim SET cluster_id = '" + absorber.clusterId + "' WHERE cluster_id = '"
                    + absorbed.clusterId + "'");
            db.createStatement().execute("UPDATE claim_cluster SET merged_into = '" + absorber.clusterId + "' WHERE id = '"
                    + absorbed.clusterId + "'");
        }
        String viaMerge = UUID.randomUUID().toString();
        String beside = UUID.randomUUID().toString();
        try (Broker broker = Broker.connect()) {
            whileTheConsumerWaitsOn(blocker, UUID.randomUUID().toString(), broker, () -> {
                broker.publish("tasks", "task.updated.v1", viaMerge, task(UUID.randomUUID(), absorbed, "ASSIGNED", 1));
                broker.publish("tasks", "task.updated.v1", beside, task(UUID.randomUUID(), other, "ASSIGNED", 1));
            });
        }
        await(() -> processed(viaMerge) && processed(beside), "the batch is applied");
        assertEquals(processedAt(viaMerge), processedAt(beside), "the two were applied together");
        assertEquals("IN_REVIEW", status(absorbed.id));
        assertEquals("IN_REVIEW", status(absorber.id));
        assertEquals("IN_REVIEW", status(other.id));
        assertEquals("ASSIGNED", taskStatus(absorber.clusterId), "the task lands on the cluster that holds the claims");
        assertNull(taskStatus(absorbed.clusterId));
    }

    @Inject
    AgroalDataSource dataSource;

    private static Claim statisticOf(String outlet, String sentence) throws Exception {
        UUID article = UUID.randomUUID();
        ingest(article, outlet, sentence.formatted("Place" + UUID.randomUUID().toString().substring(0, 8)));
        return Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC'", article).firstResult();
    }

    private static byte[] task(UUID task, Claim claim, String status, long version) throws Exception {
        return JSON.writeValueAsBytes(Map.of("eventId", UUID.randomUUID(), "occurredAt", Instant.now().toString(), "taskId", task,
                "clusterId", claim.clusterId, "claimIds", List.of(claim.id), "stage", "FIRST_REVIEW", "status", status,
                "version", version));
    }

    interface Publishing {
        void run() throws Exception;
    }

    /**
     * Holds the blocker's cluster row locked while the consumer applies {@code heldId} to it, so that what
     * {@code publishing} sends piles up behind it and is taken as one batch once the lock is let go.
     */
    private void whileTheConsumerWaitsOn(Claim blocker, String heldId, Broker broker, Publishing publishing) throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT 1 FROM claim_cluster WHERE id = '" + blocker.clusterId + "' FOR UPDATE");
            broker.publish("tasks", "task.updated.v1", heldId, task(UUID.randomUUID(), blocker, "ASSIGNED", 1));
            await(() -> waitingOnALock(lock), "the consumer waits on the locked cluster");
            publishing.run();
            Thread.sleep(200);
            lock.rollback();
        }
    }

    private boolean waitingOnALock(Connection holder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> ?")) {
            query.setInt(1, holder.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object processedAt(String messageId) {
        return Claim.getEntityManager().createNativeQuery("SELECT processed_at FROM processed_message WHERE message_id = ?1")
                .setParameter(1, messageId).getSingleResult();
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

    private static String taskStatus(UUID clusterId) {
        return (String) Claim.getEntityManager().createNativeQuery("SELECT task_status FROM claim_cluster WHERE id = ?1")
                .setParameter(1, clusterId).getSingleResult();
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
