package dev.claimdesk.review.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.testing.Broker;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.testing.Desk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** claim.extracted.v1 over the real broker into one task per cluster, announced as task.updated.v1. */
@QuarkusTest
class TaskIntakeFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMakeOneTaskPerClusterJoinNewClaimsToItAndRaiseItsPriorityWithEachIndependentSource() throws Exception {
        Desk desk = new Desk();
        UUID cluster = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            String tap = taskTap(broker);
            UUID wire = desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The government froze fuel prices on Monday.", 0.6, cluster));
            ReviewTask task = task(cluster);
            assertEquals(ReviewTask.FIRST_REVIEW, task.stage);
            assertEquals(ReviewTask.QUEUED, task.status, "nobody speaks this desk's language yet");
            JsonNode created = awaitTask(broker, tap, task.id, 1);
            assertEquals(cluster.toString(), created.get("clusterId").asText());
            assertEquals("FIRST_REVIEW", created.get("stage").asText());

            // a copy of the wire story adds no independent source; another outlet does
            desk.publish(desk.event(UUID.randomUUID(), 1, wire, List.of(),
                    Claim.of("EVENT", "The government froze fuel prices on Monday.", 0.6, cluster)));
            UUID paper = UUID.randomUUID();
            Desk.await(() -> ClusterClaim.count("clusterId", cluster) == 2, "the copy's claim joined");
            assertEquals(task.priority, task(cluster).priority, "a copy counts once");
            desk.announce(paper, 1, Claim.of("EVENT", "On Monday the government froze the price of fuel.", 0.5, cluster));
            ReviewTask joined = task(cluster);
            assertEquals(task.id, joined.id, "one task per cluster");
            assertEquals(task.priority + 2, joined.priority, 1e-9, "a second independent source");
            JsonNode update = awaitTask(broker, tap, task.id, joined.version);
            assertEquals(3, update.get("claimIds").size());
        }
    }

    @Test
    void shouldShowWhyEachClaimRanksAsClaimsServiceAnnouncedIt() throws Exception {
        Desk desk = new Desk();
        UUID cluster = UUID.randomUUID();
        ObjectNode event = desk.event(UUID.randomUUID(), 1, null, List.of(),
                Claim.toll("Floods killed 12 people in Varnholm on Sunday.", 0.95, cluster));
        ObjectNode item = (ObjectNode) event.get("claims").get(0);
        item.putArray("checkworthinessReasons").addObject().put("signal", "casualties").put("weight", 0.25);
        ((com.fasterxml.jackson.databind.node.ArrayNode) item.get("checkworthinessReasons")).addObject()
                .put("signal", "named place").put("weight", 0.1);
        desk.publish(event);
        Desk.await(() -> ClusterClaim.count("clusterId", cluster) == 1, "the claim arrived");
        Desk.as("admin-1", "admin").get("/api/tasks/" + task(cluster).id).then().statusCode(200)
                .body("claims[0].checkworthinessReasons.signal", org.hamcrest.Matchers.contains("casualties", "named place"))
                .body("claims[0].checkworthinessReasons.weight", org.hamcrest.Matchers.contains(0.25f, 0.1f));

        UUID quoted = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("QUOTE", "“The levee held,” she said.", 0.5, quoted));
        Desk.as("admin-1", "admin").get("/api/tasks/" + task(quoted).id).then().statusCode(200)
                .body("claims[0].type", org.hamcrest.Matchers.equalTo("QUOTE"))
                .body("claims[0]", org.hamcrest.Matchers.hasKey("speaker"))
                .body("claims[0].speaker", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldAnnounceATaskRoutedOnArrivalOnceAsItThenStands() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("ana");
        desk.reviewer(reviewer, 3, "politics");
        UUID cluster = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            String tap = taskTap(broker);
            desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The council closed the old bridge on Monday.", 0.6, cluster));
            ReviewTask task = task(cluster);
            assertEquals(ReviewTask.ASSIGNED, task.status);
            desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The harbour reopened on Tuesday.", 0.3, marker));
            List<JsonNode> announced = new ArrayList<>();
            // the relay sends in the order of the outbox: once the later task is here, the first one's are too
            assertNotNull(broker.awaitJson(tap, b -> {
                if (b.get("taskId").asText().equals(task.id.toString())) {
                    announced.add(b);
                }
                return b.get("clusterId").asText().equals(marker.toString());
            }, Duration.ofSeconds(15)));
            assertEquals(1, announced.size(), "created and assigned in one transaction: " + announced);
            assertEquals("ASSIGNED", announced.getFirst().get("status").asText());
            assertEquals(reviewer, announced.getFirst().get("assignee").asText());
            assertEquals(task.version, announced.getFirst().get("version").asLong());
        }
    }

    @Test
    void shouldRankCasualtyFiguresAndConflictsFirstWithTheShortestTimeToAVerdict() throws Exception {
        Desk desk = new Desk();
        UUID toll = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.toll("Floods killed at least 40 people, the agency said.", toll),
                Claim.of("EVENT", "The ministry published a report on Tuesday.", 0.4, plain));
        ReviewTask urgent = task(toll);
        ReviewTask normal = task(plain);
        assertTrue(urgent.priority >= 50, "a casualty figure is urgent: " + urgent.priority);
        assertTrue(normal.priority < 20, "an announcement is not: " + normal.priority);
        assertEquals(Duration.ofHours(2), Duration.between(urgent.createdAt, urgent.dueAt));
        assertEquals(Duration.ofHours(72), Duration.between(normal.createdAt, normal.dueAt));
    }

    @Test
    void shouldFoldTheTaskOfAClusterMergedIntoAnotherIntoThatClustersTask() throws Exception {
        Desk desk = new Desk();
        UUID kept = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        desk.announce(article, 1, Claim.of("EVENT", "The army left the city on Sunday.", 0.5, kept));
        UUID other = desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "Troops withdrew from the city on Sunday.", 0.5, merged));
        UUID absorbedTask = task(merged).id;
        // claims-service merged the second cluster into the first while placing a third article's claim
        desk.publishMerge(merged, kept, Claim.of("EVENT", "Soldiers pulled out of the city on Sunday.", 0.5, kept));
        Desk.await(() -> ClusterClaim.count("clusterId", kept) == 3, "the merged cluster's claims moved");
        ReviewTask absorbed = QuarkusTransaction.requiringNew().call(() -> ReviewTask.findById(absorbedTask));
        assertEquals(ReviewTask.DONE, absorbed.stage);
        assertEquals("CANCELLED", absorbed.status);
        assertEquals(3, Desk.as("editor-7", "editor").get("/api/tasks/" + task(kept).id).then().statusCode(200)
                .extract().jsonPath().getList("claimIds").size());
        // a later revision of the second article still names the old cluster: it lands in the surviving one
        desk.announce(other, 2, Claim.of("EVENT", "Troops withdrew from the city late on Sunday.", 0.5, merged));
        assertEquals(3, (long) QuarkusTransaction.requiringNew().call(() -> ClusterClaim.count("clusterId", kept)));
    }

    @Test
    void shouldPlaceClaimsNamingClustersMergedTwiceInTheClusterThatHoldsThemNow() throws Exception {
        Desk desk = new Desk();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        UUID early = desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The port closed on Monday.", 0.5, first));
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The harbour shut on Monday.", 0.5, second));
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "Ships were turned away on Monday.", 0.5, last));
        // claims-service merged the first cluster into the second, then the second into the last
        desk.publishMerge(first, second, Claim.of("EVENT", "The port was closed on Monday.", 0.5, second));
        desk.publishMerge(second, last, Claim.of("EVENT", "The harbour was shut on Monday.", 0.5, last));
        Desk.await(() -> ClusterClaim.count("clusterId", last) == 5, "both merges applied");
        // a later revision of the first article, and a new one, still name the first and the second cluster
        desk.announce(early, 2, Claim.of("EVENT", "The port closed early on Monday.", 0.5, first));
        UUID late = desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The port stayed closed on Monday.", 0.5, first),
                Claim.of("EVENT", "The harbour stayed shut on Monday.", 0.5, second));
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> ClusterClaim.count("articleId = ?1 and clusterId = ?2",
                late, last)), "both of the new article's claims in the cluster that holds the others");
        assertEquals(7L, (long) QuarkusTransaction.requiringNew().call(() -> ClusterClaim.count("clusterId", last)));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ClusterClaim.count("clusterId in ?1",
                List.of(first, second))));
    }

    @Test
    void shouldGiveClaimsSplitOffByAReviewerATaskOfTheirOwn() throws Exception {
        Desk desk = new Desk();
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The dam at Lorvik burst on Monday.", 0.6, cluster));
        UUID paper = UUID.randomUUID();
        Claim told = Claim.of("EVENT", "The Lorvik dam gave way on Monday.", 0.5, cluster);
        desk.announce(paper, 1, told);
        UUID task = task(cluster).id;
        // claims-service announces the article's same claims again, the split one in its new cluster
        UUID split = UUID.randomUUID();
        ObjectNode correction = desk.event(paper, 1, null, List.of(),
                new Claim(told.id(), told.type(), told.text(), told.checkworthiness(), split, false, List.of(), null));
        correction.put("cause", "CORRECTION");
        desk.publish(correction);
        Desk.await(() -> ClusterClaim.count("clusterId", split) == 1, "the split claim moved");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ClusterClaim.count("clusterId", cluster)));
        assertEquals(task, task(cluster).id, "the cluster keeps its task");
        assertNotNull(task(split), "the split-off claims get one of their own");
    }

    @Test
    void shouldApplyAMessageDeliveredTwiceOnceAndIgnoreAnOlderRevisionAnnouncedLate() throws Exception {
        Desk desk = new Desk();
        UUID cluster = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        ObjectNode first = desk.event(article, 2, null, List.of(), Claim.of("EVENT", "The bridge reopened on Friday.", 0.5, cluster));
        desk.publish(first);
        desk.publish(first);
        Desk.awaitRevision(article, 2);
        long version = task(cluster).version;
        desk.publish(desk.event(article, 1, null, List.of(), Claim.of("EVENT", "The bridge will reopen on Friday.", 0.5, UUID.randomUUID())));
        // a marker after both: once it is in, the late revision and the duplicate have been consumed
        UUID marker = desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The ferry resumed service.", 0.3, UUID.randomUUID()));
        assertNotNull(marker);
        assertEquals(version, task(cluster).version, "the duplicate and the late revision changed nothing");
        assertEquals(List.of("The bridge reopened on Friday."), QuarkusTransaction.requiringNew().call(() ->
                ClusterClaim.<ClusterClaim>list("articleId", article).stream().map(c -> c.text).toList()));
    }

    @Test
    void shouldDeadLetterAnEventWithoutClaimsOrArticleAndKeepConsuming() throws Exception {
        Desk desk = new Desk();
        String poison = UUID.randomUUID().toString();
        try (Broker broker = Broker.connect()) {
            broker.publish("claims", "claim.extracted.v1", poison,
                    JSON.writeValueAsBytes(JSON.createObjectNode().put("eventId", poison).put("revision", 1)));
            broker.publish("claims", "claim.extracted.v1", UUID.randomUUID().toString(), "{not json".getBytes());
            assertNotNull(broker.awaitMessage("review.claim-extracted.dlq", poison, Duration.ofSeconds(15)), "dead-lettered");
        }
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The port reopened on Sunday.", 0.5, cluster));
        assertNotNull(task(cluster), "later messages keep flowing");
    }

    /** A queue of the test's own that receives every task.updated.v1 from now on. */
    private static String taskTap(Broker broker) throws Exception {
        String tap = broker.channel.queueDeclare("", false, true, true, null).getQueue();
        broker.channel.queueBind(tap, "tasks", "task.updated.v1");
        return tap;
    }

    private static JsonNode awaitTask(Broker broker, String tap, UUID taskId, long version) throws Exception {
        GetResponse message = broker.awaitJson(tap, b -> b.get("taskId").asText().equals(taskId.toString())
                && b.get("version").asLong() == version, Duration.ofSeconds(15));
        assertNotNull(message, "task.updated.v1 of " + taskId + " version " + version + " arrived");
        return JSON.readTree(message.getBody());
    }
}
