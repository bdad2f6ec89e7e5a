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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.as;
import static dev.claimdesk.review.testing.Desk.await;
import static dev.claimdesk.review.testing.Desk.task;
import static dev.claimdesk.review.testing.Desk.verdict;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** From a reviewer's rating to the editors' feed, report and ClaimReview, over the real database and broker. */
@QuarkusTest
class VerdictFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishAFirstReviewAsAVerdictOnTheBrokerTheFeedAndTheReportThenCorrectItAsANewVersion() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("ana");
        desk.reviewer(reviewer, 5, "politics");
        UUID article = UUID.randomUUID();
        UUID cluster = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        desk.announce(article, 1, Claim.of("EVENT", "The council approved a new budget on Tuesday.", 0.5, cluster),
                Claim.of("EVENT", "The mayor resigned on Wednesday, officials said.", 0.4, other));
        ReviewTask task = task(cluster);
        assertEquals(reviewer, task.assignee);
        as(reviewer, "reviewer").get("/api/tasks/mine").then().statusCode(200)
                .body("id", contains(task(cluster).id.toString(), task(other).id.toString()));

        try (Broker broker = Broker.connect()) {
            String tap = broker.channel.queueDeclare("", false, true, true, null).getQueue();
            broker.channel.queueBind(tap, "verdicts", "verdict.published.v1");
            long before = feedEnd();

            JsonNode done = json(as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task.version))
                    .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200)
                    .body("stage", equalTo("DONE")).body("verdict.rating", equalTo("TRUE")).extract().asString());
            String verdictId = done.at("/verdict/id").asText();

            JsonNode event = published(broker, tap, verdictId, 1);
            assertEquals(cluster.toString(), event.get("clusterId").asText());
            assertEquals("The council approved a new budget on Tuesday.", event.get("claimReviewed").asText());
            assertEquals(List.of(reviewer), JSON.convertValue(event.get("reviewers"), List.class));
            assertEquals(before + 1, event.get("sequence").asLong(), "the next place in the feed");

            as("editor-1", "editor").get("/api/verdicts?after=" + before).then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].id", equalTo(verdictId)).body("items[0].version", equalTo(1))
                    .body("next", equalTo(Long.toString(before + 1)));
            as("editor-1", "editor").get("/api/reports/" + article).then().statusCode(200)
                    .body("claims", equalTo(2)).body("checked", equalTo(1)).body("worstRating", equalTo("TRUE"))
                    .body("items.find { it.clusterId == '" + cluster + "' }.status", equalTo("VERDICT"))
                    .body("items.find { it.clusterId == '" + other + "' }.status", equalTo("IN_REVIEW"))
                    .body("items.find { it.clusterId == '" + other + "' }.verdict", nullValue());

            // a correction is a new version with its own place in the feed; the first version stays as it was
            Map<String, Object> correction = correction("MOSTLY_TRUE", 1, "The budget passed with amendments.");
            as(reviewer, "reviewer").contentType(ContentType.JSON).body(correction).post("/api/verdicts/" + verdictId + "/corrections")
                    .then().statusCode(201).body("version", equalTo(2)).body("correctionOf", equalTo(1))
                    .body("rating", equalTo("MOSTLY_TRUE")).body("sequence", equalTo((int) before + 2));
            assertEquals("MOSTLY_TRUE", published(broker, tap, verdictId, 2).get("rating").asText());
            as(reviewer, "reviewer").contentType(ContentType.JSON).body(correction).post("/api/verdicts/" + verdictId + "/corrections")
                    .then().statusCode(409).body("type", equalTo("https://claimdesk.dev/problems/stale-version"));

            as("editor-1", "editor").get("/api/verdicts?after=" + before).then().statusCode(200)
                    .body("items.version", contains(1, 2)).body("items.rating", contains("TRUE", "MOSTLY_TRUE"));
            as("editor-1", "editor").get("/api/verdicts/" + verdictId).then().statusCode(200).body("version", equalTo(2));
            as("editor-1", "editor").get("/api/verdicts/" + verdictId + "?version=1").then().statusCode(200)
                    .body("rating", equalTo("TRUE")).body("correctionOf", nullValue());
            as("editor-1", "editor").get("/api/reports/" + article).then().statusCode(200).body("worstRating", equalTo("MOSTLY_TRUE"));
        }
    }

    @Test
    void shouldAnswerAnUnchangedFeedPageOrReportWith304() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("ben");
        desk.reviewer(reviewer, 5, "politics");
        UUID article = UUID.randomUUID();
        UUID cluster = UUID.randomUUID();
        desk.announce(article, 1, Claim.of("EVENT", "Parliament passed the electoral law on Friday.", 0.5, cluster));
        long start = feedEnd();
        String feedTag = as("editor-2", "editor").get("/api/verdicts?after=" + start).then().statusCode(200)
                .body("items", empty()).body("next", equalTo(Long.toString(start))).extract().header("ETag");
        String reportTag = as("editor-2", "editor").get("/api/reports/" + article).then().statusCode(200).extract().header("ETag");
        assertNotNull(feedTag);
        as("editor-2", "editor").header("If-None-Match", reportTag).get("/api/reports/" + article).then().statusCode(304);

        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdict("MIXED", task(cluster).version))
                .post("/api/tasks/" + task(cluster).id + "/verdict").then().statusCode(200);
        // the report changed: a new tag; the feed page after the old end now holds the verdict
        as("editor-2", "editor").header("If-None-Match", reportTag).get("/api/reports/" + article).then().statusCode(200);
        String full = as("editor-2", "editor").header("If-None-Match", feedTag).get("/api/verdicts?after=" + start)
                .then().statusCode(200).body("items", hasSize(1)).extract().header("ETag");
        assertNotEquals(feedTag, full);
        as("editor-2", "editor").header("If-None-Match", full).get("/api/verdicts?after=" + start).then().statusCode(304);
    }

    @Test
    void shouldGiveAHighImpactVerdictASecondBlindReviewByAnotherReviewerAndPublishWhenTheyAgree() throws Exception {
        Desk desk = new Desk();
        String first = desk.name("a-first");
        String second = desk.name("b-second");
        desk.reviewer(first, 5, "figures");
        desk.reviewer(second, 5, "figures");
        UUID cluster = UUID.randomUUID();
        UUID article = desk.announce(UUID.randomUUID(), 1, Claim.toll("Floods killed at least 40 people in the valley, the agency said.", cluster));
        ReviewTask task = task(cluster);
        assertEquals(first, task.assignee);
        as(first, "reviewer").contentType(ContentType.JSON).body(verdict("MOSTLY_TRUE", task.version))
                .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200)
                .body("stage", equalTo("SECOND_REVIEW")).body("assignee", equalTo(second)).body("verdict", nullValue());

        // blind: the second reviewer sees no rating before giving their own; the first sees their own
        as(second, "reviewer").get("/api/tasks/" + task.id + "/reviews").then().statusCode(200).body("", empty());
        as(first, "reviewer").get("/api/tasks/" + task.id + "/reviews").then().statusCode(200).body("reviewer", contains(first));
        // and the task's audit trail, shown beside the claim, keeps the same blindness
        as(second, "reviewer").get("/api/tasks/" + task.id + "/audit").then().statusCode(200)
                .body("action", hasItem("task.second-review")).body("action", not(hasItem("review.submitted")))
                .body("after", everyItem(anyOf(nullValue(), not(containsString("MOSTLY_TRUE")))));
        as(first, "reviewer").get("/api/tasks/" + task.id + "/audit").then().statusCode(200)
                .body("find { it.action == 'review.submitted' }.after", containsString("MOSTLY_TRUE"));
        as(first, "reviewer").contentType(ContentType.JSON).body(verdict("MOSTLY_TRUE", task(cluster).version))
                .post("/api/tasks/" + task.id + "/verdict").then().statusCode(403)
                .body("type", equalTo("https://claimdesk.dev/problems/not-your-task"));

        Map<String, Object> own = new java.util.HashMap<>(verdict("MOSTLY_TRUE", task(cluster).version));
        own.put("explanation", "The hospital's list confirms 38 dead; two more are missing.");
        own.put("sources", List.of(Map.of("url", "https://hospital.example/list")));
        as(second, "reviewer").contentType(ContentType.JSON).body(own)
                .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200)
                .body("stage", equalTo("DONE")).body("verdict.rating", equalTo("MOSTLY_TRUE"));
        as(second, "reviewer").get("/api/tasks/" + task.id + "/reviews").then().statusCode(200).body("reviewer", contains(first, second));
        // what backs the verdict, for editors: both reviewers' explanations and all their evidence
        String verdictId = as("editor-3", "editor").get("/api/verdicts?after=" + (feedEnd() - 1)).then().statusCode(200)
                .body("items[0].reviewers", contains(first, second))
                .body("items[0].reviews.reviewer", contains(first, second))
                .body("items[0].reviews.explanation", contains("Checked against the agency's own count.",
                        "The hospital's list confirms 38 dead; two more are missing."))
                .body("items[0].sources.url", contains("https://agency.example/report", "https://hospital.example/list"))
                .extract().path("items[0].id");
        as("editor-3", "editor").get("/api/verdicts/" + verdictId).then().statusCode(200).body("reviews.stage",
                contains("FIRST_REVIEW", "SECOND_REVIEW"));
        as("editor-3", "editor").get("/api/verdicts/" + verdictId + "/claimreview").then().statusCode(200)
                .body("reviewBody", equalTo("Checked against the agency's own count."))
                .body("citation.url", contains("https://agency.example/report", "https://hospital.example/list"))
                .body("citation[0].'@type'", equalTo("CreativeWork")).body("citation[0].text", equalTo("at least 40 people"));
        as("editor-3", "editor").get("/api/reports/" + article).then().statusCode(200)
                .body("items[0].taskId", equalTo(task.id.toString()))
                .body("items[0].verdict.reviews.explanation", hasItem("The hospital's list confirms 38 dead; two more are missing."))
                .body("items[0].verdict.sources.url", hasItem("https://hospital.example/list"));
    }

    @Test
    void shouldEscalateADisagreementToASeniorReviewerWhoseRatingIsPublishedAndCountIt() throws Exception {
        Desk desk = new Desk();
        String first = desk.name("a-first");
        String second = desk.name("b-second");
        String senior = desk.name("c-senior");
        desk.reviewer(first, 5, "quotes");
        desk.reviewer(second, 5, "quotes");
        desk.reviewer(senior, 5, true, "politics");
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("QUOTE", "“The dam was never inspected,” the minister said.", 0.6, cluster));
        UUID taskId = task(cluster).id;
        assertEquals(first, task(cluster).assignee);
        as(first, "reviewer").contentType(ContentType.JSON).body(verdict("FALSE", task(cluster).version))
                .post("/api/tasks/" + taskId + "/verdict").then().statusCode(200).body("stage", equalTo("SECOND_REVIEW"));
        assertEquals(second, task(cluster).assignee, "never the first reviewer, nor the senior while others can");
        as(second, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task(cluster).version))
                .post("/api/tasks/" + taskId + "/verdict").then().statusCode(200)
                .body("stage", equalTo("ESCALATED")).body("assignee", equalTo(senior));
        as(senior, "reviewer").contentType(ContentType.JSON).body(verdict("MIXED", task(cluster).version))
                .post("/api/tasks/" + taskId + "/verdict").then().statusCode(200)
                .body("stage", equalTo("DONE")).body("verdict.rating", equalTo("MIXED"));
        as("editor-4", "editor").get("/api/verdicts?after=" + (feedEnd() - 1)).then().statusCode(200)
                .body("items[0].reviewers", contains(first, second, senior));

        List<Map<String, Object>> agreement = Desk.admin().get("/api/reviewers/agreement").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.username == '" + first + "' }");
        assertEquals(1, agreement.size());
        assertEquals(1, agreement.getFirst().get("pairs"));
        assertEquals(0, agreement.getFirst().get("agreed"));

        List<String> trail = Desk.admin().get("/api/audit?taskId=" + taskId + "&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.action");
        List<String> oldestFirst = new ArrayList<>(trail);
        java.util.Collections.reverse(oldestFirst);
        assertEquals(List.of("task.created", "task.assigned", "review.submitted", "task.second-review", "task.assigned",
                "review.submitted", "task.escalated", "task.assigned", "review.submitted", "verdict.published"), oldestFirst);
    }

    @Test
    void shouldServeAVerdictAsClaimReviewWithItsAppearancesAndTheNewsroomAsAuthor() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("cla");
        desk.reviewer(reviewer, 5, "politics");
        UUID cluster = UUID.randomUUID();
        UUID wire = UUID.randomUUID();
        UUID paper = UUID.randomUUID();
        desk.announce(wire, 1, Claim.of("EVENT", "The government froze all fuel prices on Monday.", 0.6, cluster));
        desk.announce(paper, 1, Claim.of("EVENT", "On Monday the government froze fuel prices.", 0.5, cluster));
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task(cluster).version))
                .post("/api/tasks/" + task(cluster).id + "/verdict").then().statusCode(200);
        String verdictId = as(reviewer, "reviewer").get("/api/tasks/" + task(cluster).id).then().extract().path("verdict.id");
        as("editor-5", "editor").get("/api/verdicts/" + verdictId + "/claimreview").then().statusCode(200)
                .body("'@context'", equalTo("https://schema.org")).body("'@type'", equalTo("ClaimReview"))
                .body("claimReviewed", equalTo("The government froze all fuel prices on Monday."))
                .body("reviewRating.ratingValue", equalTo(5)).body("reviewRating.bestRating", equalTo(5))
                .body("reviewRating.worstRating", equalTo(1)).body("reviewRating.alternateName", equalTo("True"))
                .body("itemReviewed.'@type'", equalTo("Claim"))
                .body("itemReviewed.appearance.url", org.hamcrest.Matchers.containsInAnyOrder("https://news.example/" + wire,
                        "https://news.example/" + paper))
                .body("itemReviewed.firstAppearance.url", notNullValue())
                .body("author.'@type'", equalTo("Organization")).body("url", equalTo("https://newsroom.example/fact-checks/" + verdictId))
                .body("datePublished", equalTo(Instant.now().toString().substring(0, 10)));
    }

    @Test
    void shouldPublishTheClaimTheReviewerWasShownWhenARevisionPutsAMoreCheckWorthyTellingIntoTheCluster() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("cai");
        desk.reviewer(reviewer, 5, "politics");
        UUID cluster = UUID.randomUUID();
        UUID wire = UUID.randomUUID();
        UUID paper = UUID.randomUUID();
        Claim told = Claim.of("EVENT", "The council approved the new budget on Tuesday.", 0.5, cluster);
        desk.announce(wire, 1, told);
        desk.announce(paper, 1, Claim.of("EVENT", "The mayor spoke at length.", 0.2, UUID.randomUUID()),
                Claim.of("EVENT", "Councillors approved the budget on Tuesday evening.", 0.5, cluster));
        ReviewTask task = task(cluster);
        as(reviewer, "reviewer").get("/api/tasks/" + task.id).then().statusCode(200).body("leadClaimId", equalTo(told.id().toString()));

        // the paper revises its article: its telling now opens it and reads as more check-worthy
        Claim revised = Claim.of("EVENT", "Councillors approved a budget of cuts on Tuesday evening, minutes show.", 0.9, cluster);
        desk.announce(paper, 2, revised);
        long version = task(cluster).version;
        as(reviewer, "reviewer").get("/api/tasks/" + task.id).then().statusCode(200).body("leadClaimId", equalTo(told.id().toString()))
                .body("claimIds", hasItem(revised.id().toString()));

        String verdictId = as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(told, "TRUE", version))
                .post("/api/tasks/" + task.id + "/verdict")
                .then().statusCode(200).body("stage", equalTo("DONE")).extract().path("verdict.id");
        as("editor-6", "editor").get("/api/verdicts/" + verdictId).then().statusCode(200)
                .body("claimReviewed", equalTo(told.text())).body("claimReviewedId", equalTo(told.id().toString()));
        as("editor-6", "editor").get("/api/verdicts/" + verdictId + "/claimreview").then().statusCode(200)
                .body("claimReviewed", equalTo(told.text()));

        // a correction changes the rating, never the claim rated
        Map<String, Object> correction = correction("MOSTLY_TRUE", 1, "The budget passed with amendments.");
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(correction).post("/api/verdicts/" + verdictId + "/corrections")
                .then().statusCode(201).body("claimReviewed", equalTo(told.text())).body("claimReviewedId", equalTo(told.id().toString()));
    }

    @Test
    void shouldRefuseARatingOfTheClaimATaskLedWithOnceItLeftTheClusterAndPublishTheNewLead() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("dia");
        desk.reviewer(reviewer, 5, "politics");
        UUID cluster = UUID.randomUUID();
        UUID wire = UUID.randomUUID();
        Claim lead = Claim.of("EVENT", "The minister resigned on Friday, her office said.", 0.7, cluster);
        Claim other = Claim.of("EVENT", "The minister stepped down on Friday.", 0.6, cluster);
        desk.announce(wire, 1, lead);
        desk.announce(UUID.randomUUID(), 1, other);
        ReviewTask task = task(cluster);
        assertEquals(lead.id(), task.leadClaimId);
        long shown = task.version;

        // the wire revises its article; its claim now tells of something else, in a cluster of its own
        desk.announce(wire, 2, Claim.of("EVENT", "The minister will face questions on Friday.", 0.7, UUID.randomUUID()));
        ReviewTask changed = task(cluster);
        assertEquals(other.id(), changed.leadClaimId);
        assertNotEquals(shown, changed.version);
        as(reviewer, "reviewer").get("/api/tasks/" + task.id + "/audit").then().statusCode(200)
                .body("action", hasItem("task.lead-changed"));

        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(lead, "TRUE", changed.version))
                .post("/api/tasks/" + task.id + "/verdict")
                .then().statusCode(409).body("type", equalTo("https://claimdesk.dev/problems/lead-changed"));
        String verdictId = as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(other, "TRUE", changed.version))
                .post("/api/tasks/" + task.id + "/verdict")
                .then().statusCode(200).extract().path("verdict.id");
        as("editor-7", "editor").get("/api/verdicts/" + verdictId).then().statusCode(200)
                .body("claimReviewed", equalTo(other.text())).body("claimReviewedId", equalTo(other.id().toString()));
    }

    @Test
    void shouldEscalateTwoEqualRatingsGivenOnDifferentClaimsRatherThanPublishEitherAsAgreed() throws Exception {
        Desk desk = new Desk();
        String first = desk.name("e-first");
        String second = desk.name("f-second");
        desk.reviewer(first, 5, "figures");
        desk.reviewer(second, 5, "figures");
        UUID cluster = UUID.randomUUID();
        UUID wire = UUID.randomUUID();
        Claim lead = Claim.toll("Floods killed at least 40 people in the valley, the agency said.", cluster);
        Claim other = new Claim(UUID.randomUUID(), "STATISTIC", "At least 40 people died in the floods.", 0.8, cluster, true,
                List.of(), null);
        desk.announce(wire, 1, lead);
        desk.announce(UUID.randomUUID(), 1, other);
        ReviewTask task = task(cluster);
        assertEquals(first, task.assignee);
        as(first, "reviewer").contentType(ContentType.JSON).body(verdict("MOSTLY_TRUE", task.version))
                .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200).body("stage", equalTo("SECOND_REVIEW"));

        desk.announce(wire, 2, Claim.of("EVENT", "Rescue teams reached the valley on Sunday.", 0.5, UUID.randomUUID()));
        ReviewTask changed = task(cluster);
        assertEquals(other.id(), changed.leadClaimId);
        assertEquals(second, changed.assignee);
        as(second, "reviewer").contentType(ContentType.JSON).body(verdict("MOSTLY_TRUE", changed.version))
                .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200)
                .body("stage", equalTo("ESCALATED")).body("verdict", nullValue());
    }

    @Test
    void shouldTakeARatingBegunBeforeTheReviewersOwnCorrectionsButNotOneBegunBeforeSomeoneElsesOrNews() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("gil");
        desk.reviewer(reviewer, 5, "quotes");
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID mineArticle = UUID.randomUUID();
        UUID theirsArticle = UUID.randomUUID();
        Claim port = Claim.quote("“The port will reopen on Monday,” Berg said.", "Berg", mine);
        Claim bridge = Claim.quote("“The old bridge stays closed until spring,” Holm said.", "Holm", theirs);
        desk.announce(mineArticle, 1, port);
        desk.announce(theirsArticle, 1, bridge);
        long opened = task(mine).version;
        long openedTheirs = task(theirs).version;
        assertEquals(reviewer, task(mine).assignee);

        // the reviewer corrects the claims of her own task twice while her rating waits in another tab
        // (between them, the article told again by someone else's correction elsewhere in its story, its claims unchanged)
        corrected(desk, mineArticle, reviewer, spokenBy(port, "Ana Berg"));
        corrected(desk, mineArticle, "someone-else", spokenBy(port, "Ana Berg"));
        corrected(desk, mineArticle, reviewer, spokenBy(port, "Minister Ana Berg"));
        await(() -> "Minister Ana Berg".equals(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> dev.claimdesk.review.ClusterClaim.<dev.claimdesk.review.ClusterClaim>findById(port.id()).speaker)), "the corrections taken in");
        assertEquals(opened + 2, task(mine).version, "two changes, both hers");
        as(reviewer, "reviewer").get("/api/tasks/" + task(mine).id + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'task.claims-corrected' }.actor", contains(reviewer, reviewer));
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(port, "TRUE", opened))
                .post("/api/tasks/" + task(mine).id + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"));

        // someone else's correction, or news after her own, changes what she rated: reload
        corrected(desk, theirsArticle, "someone-else", spokenBy(bridge, "Eva Holm"));
        await(() -> task(theirs).version == openedTheirs + 1, "the other correction reached the task");
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(bridge, "TRUE", openedTheirs))
                .post("/api/tasks/" + task(theirs).id + "/verdict").then().statusCode(409)
                .body("type", equalTo("https://claimdesk.dev/problems/stale-version"));
        long now = task(theirs).version;
        corrected(desk, theirsArticle, reviewer, spokenBy(bridge, "Mayor Eva Holm"));
        desk.announce(UUID.randomUUID(), 1, Claim.quote("Holm said the old bridge would stay closed until spring.", "Holm", theirs));
        await(() -> task(theirs).version == now + 2, "her correction and the news reached the task");
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdictOn(bridge, "TRUE", now))
                .post("/api/tasks/" + task(theirs).id + "/verdict").then().statusCode(409)
                .body("type", equalTo("https://claimdesk.dev/problems/stale-version"));
    }

    /** The claim as a reviewer corrected its speaker. */
    private static Claim spokenBy(Claim quote, String speaker) {
        return new Claim(quote.id(), quote.type(), quote.text(), quote.checkworthiness(), quote.clusterId(), false, List.of(), speaker);
    }

    /** The article's claims announced again after {@code corrector} corrected them, as claims-service does. */
    private static void corrected(Desk desk, UUID articleId, String corrector, Claim... claims) throws Exception {
        desk.publish(desk.event(articleId, 1, null, List.of(), claims).put("cause", "CORRECTION").put("correctedBy", corrector));
    }

    /** A rating of the task at {@code taskVersion} that names the claim the reviewer was shown. */
    private static Map<String, Object> verdictOn(Claim shown, String rating, long taskVersion) {
        Map<String, Object> body = new java.util.HashMap<>(verdict(rating, taskVersion));
        body.put("claimId", shown.id().toString());
        return body;
    }

    /** A correction of verdict version {@code version}. */
    private static Map<String, Object> correction(String rating, int version, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(verdict(rating, 0));
        body.remove("taskVersion");
        body.put("version", version);
        body.put("reason", reason);
        return body;
    }

    /** Where the feed ends now: its cursor followed to the last page. */
    private static long feedEnd() {
        String cursor = "0";
        while (true) {
            String next = as("editor-0", "editor").get("/api/verdicts?size=1000&after=" + cursor).then().statusCode(200)
                    .extract().path("next");
            if (next.equals(cursor)) {
                return Long.parseLong(cursor);
            }
            cursor = next;
        }
    }

    private static JsonNode published(Broker broker, String tap, String verdictId, int version) throws Exception {
        GetResponse message = broker.awaitJson(tap, b -> b.get("id").asText().equals(verdictId) && b.get("version").asInt() == version,
                Duration.ofSeconds(15));
        assertNotNull(message, "verdict.published.v1 " + verdictId + " v" + version + " arrived");
        assertEquals("verdict.published.v1", message.getProps().getHeaders().get("type").toString());
        assertNotNull(message.getProps().getMessageId());
        return json(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
