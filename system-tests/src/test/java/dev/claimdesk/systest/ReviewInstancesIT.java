package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two review-service instances on one database and one queue, as when the service is scaled out: claims arrive
 * faster than reviewers can take them, both instances route at once (on intake, after each verdict and on their
 * desk rounds every second), and still no task is assigned twice and no reviewer ever holds more than capacity.
 */
class ReviewInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TASKS = 40;
    private static final int CAPACITY = 4;

    @Test
    void shouldNeverAssignATaskTwiceNorPassAReviewersCapacityWithTwoInstancesRoutingAtOnce() throws Exception {
        // a language of this test's own: the reviewers and tasks of other tests never meet these
        String language = "qx";
        List<String> reviewers = List.of("pair-a-" + UUID.randomUUID().toString().substring(0, 6),
                "pair-b-" + UUID.randomUUID().toString().substring(0, 6), "pair-c-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, String> fastRounds = Map.of("CLAIMDESK_REVIEW_SCHEDULER_INTERVAL", "1S");
        try (ServiceProcess first = ServiceProcess.start("review-service", "claimdesk_systest_review", fastRounds);
             ServiceProcess second = ServiceProcess.start("review-service", "claimdesk_systest_review", fastRounds)) {
            List<ServiceProcess> instances = List.of(first, second);
            for (String r : reviewers) {
                given().baseUri(first.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                        .body(Map.of("username", r, "skills", List.of("quotes"), "languages", List.of(language), "capacity", CAPACITY))
                        .post("/api/reviewers").then().statusCode(201);
            }
            List<String> clusters = announce(language);

            // both instances take the claims off the one queue and route; reviewers work through their queues
            Instant deadline = Instant.now().plusSeconds(120);
            int round = 0;
            while (done(clusters) < TASKS) {
                assertTrue(Instant.now().isBefore(deadline), "all " + TASKS + " tasks done within 120 s, " + done(clusters) + " are");
                Map<String, Long> load = openLoad(reviewers);
                load.forEach((r, open) -> assertTrue(open <= CAPACITY, r + " holds " + open + " open tasks, capacity " + CAPACITY));
                for (String r : reviewers) {
                    ServiceProcess instance = instances.get(round++ % 2);
                    JsonNode mine = json(given().baseUri(instance.baseUri()).auth().oauth2(Tokens.valid(r, "reviewer"))
                            .get("/api/tasks/mine").then().statusCode(200).extract().asString());
                    if (!mine.isEmpty()) {
                        JsonNode task = mine.get(0);
                        int status = given().baseUri(instance.baseUri()).auth().oauth2(Tokens.valid(r, "reviewer"))
                                .contentType(ContentType.JSON).body(Map.of("rating", "TRUE", "explanation", "As recorded.",
                                        "sources", List.of(Map.of("url", "https://record.example/" + task.get("id").asText())),
                                        "taskVersion", task.get("version").asLong()))
                                .post("/api/tasks/" + task.get("id").asText() + "/verdict").then().extract().statusCode();
                        assertTrue(status == 200 || status == 409, "a verdict is published, or the task moved meanwhile: " + status);
                    }
                }
                Thread.sleep(100);
            }
            assertEquals(Map.of(), twiceAssigned(clusters), "tasks assigned more than once");
            assertEquals(TASKS, verdicts(clusters), "one verdict per task");
            assertTrue(maxLoadOverTime(reviewers) <= CAPACITY, "the audit trail never shows a reviewer past capacity");
        }
    }

    /** Publishes one article per cluster, each a quote, as claims-service would; returns the cluster ids. */
    private static List<String> announce(String language) throws Exception {
        List<String> clusters = new ArrayList<>();
        try (Connection connection = Env.broker("review-instances-test"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < TASKS; i++) {
                String cluster = UUID.randomUUID().toString();
                clusters.add(cluster);
                String eventId = UUID.randomUUID().toString();
                ObjectNode body = JSON.createObjectNode().put("eventId", eventId).put("occurredAt", Instant.now().toString())
                        .put("articleId", UUID.randomUUID().toString()).put("revision", 1).put("language", language)
                        .put("extractionStatus", "EXTRACTED").put("cause", "EXTRACTION");
                body.putArray("mergedClusters");
                ObjectNode claim = body.putArray("claims").addObject().put("id", UUID.randomUUID().toString()).put("type", "QUOTE")
                        .put("text", "“Line " + i + " will open in June,” the mayor said.").put("start", 0).put("end", 40)
                        .put("checkworthiness", 0.5).put("clusterId", cluster);
                claim.putArray("conflicts");
                claim.putArray("places");
                channel.basicPublish("claims", "claim.extracted.v1", true, new AMQP.BasicProperties.Builder().messageId(eventId)
                        .deliveryMode(2).contentType("application/json").headers(Map.of("type", "claim.extracted.v1")).build(),
                        JSON.writeValueAsBytes(body));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
        return clusters;
    }

    private static long done(List<String> clusters) throws Exception {
        return single("SELECT count(*) FROM task WHERE stage = 'DONE' AND cluster_id = ANY(?::uuid[])", clusters);
    }

    private static long verdicts(List<String> clusters) throws Exception {
        return single("SELECT count(*) FROM verdict WHERE cluster_id = ANY(?::uuid[])", clusters);
    }

    private static Map<String, Long> openLoad(List<String> reviewers) throws Exception {
        return grouped("SELECT assignee, count(*) FROM task WHERE stage <> 'DONE' AND assignee = ANY(?) GROUP BY assignee", reviewers);
    }

    private static Map<String, Long> twiceAssigned(List<String> clusters) throws Exception {
        return grouped("SELECT CAST(a.task_id AS text), count(*) FROM audit_entry a JOIN task t ON t.id = a.task_id "
                + "WHERE a.action IN ('task.assigned', 'task.reassigned') AND t.cluster_id = ANY(?::uuid[]) "
                + "GROUP BY a.task_id HAVING count(*) > 1", clusters);
    }

    /** Replays the trail in order: +1 on an assignment, -1 on the verdict that closes the task. */
    private static int maxLoadOverTime(List<String> reviewers) throws Exception {
        Map<String, Integer> load = new HashMap<>();
        int max = 0;
        try (var db = DriverManager.getConnection("jdbc:postgresql://" + Env.pg() + "/claimdesk_systest_review", Env.pgUser(), "");
             PreparedStatement select = db.prepareStatement("SELECT action, reviewer FROM audit_entry WHERE reviewer = ANY(?) "
                     + "AND action IN ('task.assigned', 'verdict.published') ORDER BY id")) {
            select.setArray(1, db.createArrayOf("text", reviewers.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int now = load.merge(rs.getString(2), rs.getString(1).equals("task.assigned") ? 1 : -1, Integer::sum);
                    max = Math.max(max, now);
                }
            }
        }
        return max;
    }

    private static long single(String sql, List<String> values) throws Exception {
        try (var db = DriverManager.getConnection("jdbc:postgresql://" + Env.pg() + "/claimdesk_systest_review", Env.pgUser(), "");
             PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf("text", values.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Long> grouped(String sql, List<String> values) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (var db = DriverManager.getConnection("jdbc:postgresql://" + Env.pg() + "/claimdesk_systest_review", Env.pgUser(), "");
             PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf("text", values.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
