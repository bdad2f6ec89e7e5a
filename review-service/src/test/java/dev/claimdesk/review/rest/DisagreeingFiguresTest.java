package dev.claimdesk.review.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.testing.Broker;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.testing.Desk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.as;
import static dev.claimdesk.review.testing.Desk.task;
import static dev.claimdesk.review.testing.Desk.verdict;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Figures that cannot both be true get a rating each: one outlet's outdated toll is never published as rated like
 * the toll the reviewers confirmed.
 */
@QuarkusTest
class DisagreeingFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "https://claimdesk.dev/problems/invalid-claim-ratings";

    /** Three outlets on one toll: the wire's figure (the lead), a paper agreeing, a local site's lower figure. */
    private record Tolls(Desk desk, String first, String second, UUID localArticle, UUID wireArticle, Claim wire, Claim paper,
                         Claim local, ReviewTask task) {
        static Tolls told() throws Exception {
            Desk desk = new Desk();
            String first = desk.name("g-first");
            String second = desk.name("h-second");
            desk.reviewer(first, 5, "figures");
            desk.reviewer(second, 5, "figures");
            UUID cluster = UUID.randomUUID();
            Claim wire = Claim.toll("Floods killed 14 people in the valley, the agency said.", cluster);
            Claim paper = Claim.toll("14 people died in the valley floods.", 0.8, cluster);
            UUID wireArticle = desk.announce(UUID.randomUUID(), 1, wire);
            desk.announce(UUID.randomUUID(), 1, paper);
            // told last, so only it lists the conflict: the relation is read from either side
            Claim local = Claim.toll("The floods killed 12 people, local officials said.", 0.8, cluster).against(wire);
            UUID localArticle = desk.announce(UUID.randomUUID(), 1, local);
            ReviewTask task = Desk.task(cluster);
            assertEquals(wire.id(), task.leadClaimId);
            assertEquals(first, task.assignee);
            return new Tolls(desk, first, second, localArticle, wireArticle, wire, paper, local, task);
        }
    }

    @Test
    void shouldAskForARatingOfEachFigureThatDisagreesWithTheClaimUnderReviewAndOnlyThose() throws Exception {
        Tolls t = Tolls.told();
        as(t.first(), "reviewer").get("/api/tasks/" + t.task().id).then().statusCode(200)
                .body("claims.find { it.id == '" + t.local().id() + "' }.ratedApart", equalTo(true))
                .body("claims.find { it.id == '" + t.paper().id() + "' }.ratedApart", equalTo(false))
                .body("claims.find { it.id == '" + t.wire().id() + "' }.ratedApart", equalTo(false));

        as(t.first(), "reviewer").contentType(ContentType.JSON).body(rating(t.task().version, Map.of()))
                .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(400)
                .body("type", equalTo(PROBLEM)).body("detail", containsString(t.local().id().toString()));
        as(t.first(), "reviewer").contentType(ContentType.JSON)
                .body(rating(t.task().version, Map.of(t.local(), "FALSE", t.paper(), "TRUE")))
                .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(400)
                .body("type", equalTo(PROBLEM)).body("detail", containsString(t.paper().id().toString()));
        as(t.first(), "reviewer").contentType(ContentType.JSON).body(rating(t.task().version, Map.of(t.local(), "NEARLY")))
                .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(400).body("type", equalTo(PROBLEM));
        // nothing of the refused ratings was kept
        as("admin-1", "admin").get("/api/tasks/" + t.task().id + "/reviews").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldPublishTheDisagreeingFigureWithItsOwnRatingInTheVerdictTheEventAndItsArticlesReport() throws Exception {
        Tolls t = Tolls.told();
        try (Broker broker = Broker.connect()) {
            String tap = broker.channel.queueDeclare("", false, true, true, null).getQueue();
            broker.channel.queueBind(tap, "verdicts", "verdict.published.v1");
            as(t.first(), "reviewer").contentType(ContentType.JSON).body(rating(t.task().version, Map.of(t.local(), "FALSE")))
                    .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(200).body("stage", equalTo("SECOND_REVIEW"));
            ReviewTask second = task(t.task().clusterId);
            assertEquals(t.second(), second.assignee);
            String verdictId = as(t.second(), "reviewer").contentType(ContentType.JSON)
                    .body(rating(second.version, Map.of(t.local(), "FALSE")))
                    .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"))
                    .body("verdict.rating", equalTo("TRUE")).extract().path("verdict.id");

            as("editor-d1", "editor").get("/api/verdicts/" + verdictId).then().statusCode(200)
                    .body("claimReviewedId", equalTo(t.wire().id().toString())).body("rating", equalTo("TRUE"))
                    .body("claimRatings", hasSize(1)).body("claimRatings[0].claimId", equalTo(t.local().id().toString()))
                    .body("claimRatings[0].rating", equalTo("FALSE"));
            GetResponse message = broker.awaitJson(tap, b -> b.get("id").asText().equals(verdictId), Duration.ofSeconds(15));
            assertNotNull(message, "verdict.published.v1 arrived");
            JsonNode event = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            assertEquals(t.local().id().toString(), event.at("/claimRatings/0/claimId").asText());
            assertEquals("FALSE", event.at("/claimRatings/0/rating").asText());

            as("editor-d1", "editor").get("/api/reports/" + t.localArticle()).then().statusCode(200)
                    .body("worstRating", equalTo("FALSE")).body("items[0].verdict.rating", equalTo("FALSE"))
                    .body("items[0].verdict.ratedApart", equalTo(true));
            as("editor-d1", "editor").get("/api/reports/" + t.wireArticle()).then().statusCode(200)
                    .body("worstRating", equalTo("TRUE")).body("items[0].verdict.ratedApart", equalTo(false));

            // a correction rates the same figures again: none dropped, none added
            Map<String, Object> correction = correction(Map.of());
            as(t.first(), "reviewer").contentType(ContentType.JSON).body(correction).post("/api/verdicts/" + verdictId + "/corrections")
                    .then().statusCode(400).body("type", equalTo(PROBLEM));
            as(t.first(), "reviewer").contentType(ContentType.JSON).body(correction(Map.of(t.local(), "MOSTLY_FALSE")))
                    .post("/api/verdicts/" + verdictId + "/corrections").then().statusCode(201)
                    .body("claimRatings[0].rating", equalTo("MOSTLY_FALSE"));
            as("editor-d1", "editor").get("/api/reports/" + t.localArticle()).then().statusCode(200)
                    .body("worstRating", equalTo("MOSTLY_FALSE"));
        }
    }

    @Test
    void shouldEscalateWhenTheSecondReviewerRatesTheDisagreeingFigureOtherwise() throws Exception {
        Tolls t = Tolls.told();
        as(t.first(), "reviewer").contentType(ContentType.JSON).body(rating(t.task().version, Map.of(t.local(), "FALSE")))
                .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(200).body("stage", equalTo("SECOND_REVIEW"));
        ReviewTask second = task(t.task().clusterId);
        as(t.second(), "reviewer").contentType(ContentType.JSON).body(rating(second.version, Map.of(t.local(), "MIXED")))
                .post("/api/tasks/" + t.task().id + "/verdict").then().statusCode(200)
                .body("stage", equalTo("ESCALATED")).body("verdict", nullValue());
        as(t.second(), "reviewer").get("/api/tasks/" + t.task().id + "/reviews").then().statusCode(200)
                .body("claimRatings.rating.flatten()", hasItems("FALSE", "MIXED"));
    }

    @Test
    void shouldRateApartAFigureRecordedAgainstAnotherOutletsFigureOfTheLeadsValue() throws Exception {
        Desk desk = new Desk();
        desk.reviewer(desk.name("i-only"), 5, "figures");
        UUID cluster = UUID.randomUUID();
        Claim wire = Claim.toll("Floods killed 14 people in the valley, the agency said.", cluster);
        Claim paper = Claim.toll("14 people died in the valley floods.", 0.8, cluster);
        desk.announce(UUID.randomUUID(), 1, wire);
        desk.announce(UUID.randomUUID(), 1, paper);
        // claims-service records the conflict with one claim of each value: here the paper's, not the lead's
        Claim local = Claim.toll("The floods killed 12 people, local officials said.", 0.8, cluster).against(paper);
        desk.announce(UUID.randomUUID(), 1, local);
        as("admin-2", "admin").get("/api/tasks/" + task(cluster).id).then().statusCode(200)
                .body("leadClaimId", equalTo(wire.id().toString()))
                .body("claims.find { it.id == '" + local.id() + "' }.ratedApart", equalTo(true))
                .body("claims.find { it.id == '" + paper.id() + "' }.ratedApart", equalTo(false));
    }

    /** A TRUE rating of the lead at {@code version}, with these figures rated apart. */
    private static Map<String, Object> rating(long version, Map<Claim, String> apart) {
        Map<String, Object> body = new HashMap<>(verdict("TRUE", version));
        body.put("claimRatings", ratings(apart));
        return body;
    }

    private static Map<String, Object> correction(Map<Claim, String> apart) {
        Map<String, Object> body = new HashMap<>(verdict("TRUE", 0));
        body.remove("taskVersion");
        body.put("version", 1);
        body.put("reason", "The local count was revised upwards.");
        body.put("claimRatings", ratings(apart));
        return body;
    }

    private static List<Map<String, String>> ratings(Map<Claim, String> apart) {
        return apart.entrySet().stream().map(e -> Map.of("claimId", e.getKey().id().toString(), "rating", e.getValue())).toList();
    }
}
