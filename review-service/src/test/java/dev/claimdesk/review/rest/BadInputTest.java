package dev.claimdesk.review.rest;

import dev.claimdesk.review.Review;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.testing.Desk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.admin;
import static dev.claimdesk.review.testing.Desk.as;
import static dev.claimdesk.review.testing.Desk.task;
import static dev.claimdesk.review.testing.Desk.verdict;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every refused request answers a problem naming what is wrong, and changes nothing. */
@QuarkusTest
class BadInputTest {

    @Test
    void shouldRefuseABadVerdictWithAProblemAndChangeNothing() throws Exception {
        Desk desk = new Desk();
        String mine = desk.name("a-mine");
        String other = desk.name("b-other");
        desk.reviewer(mine, 5, "politics");
        desk.reviewer(other, 5, "figures");
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The port reopened on Sunday, the authority said.", 0.5, cluster));
        ReviewTask task = task(cluster);
        String path = "/api/tasks/" + task.id + "/verdict";
        record Case(Map<String, Object> body, String who, int status, String type) {
        }
        List<Case> cases = List.of(
                new Case(with(verdict("PANTS_ON_FIRE", task.version), Map.of()), mine, 400, "invalid-rating"),
                new Case(with(verdict("TRUE", task.version), Map.of("explanation", "  ")), mine, 400, "invalid-field"),
                new Case(with(verdict("TRUE", task.version), Map.of("sources", List.of(Map.of("url", "ftp://files.example/a")))), mine, 400,
                        "invalid-source-url"),
                new Case(with(verdict("TRUE", task.version), Map.of("sources", List.of(Map.of("url", "javascript:alert(1)")))), mine, 400,
                        "invalid-source-url"),
                new Case(with(verdict("TRUE", task.version), Map.of("sources", List.of())), mine, 400, "invalid-field"),
                new Case(with(verdict("TRUE", task.version), Map.of("taskVersion", "one")), mine, 400, "invalid-field"),
                new Case(verdict("TRUE", task.version), other, 403, "not-your-task"),
                new Case(verdict("TRUE", task.version - 1), mine, 409, "stale-version"));
        for (Case c : cases) {
            as(c.who(), "reviewer").contentType(ContentType.JSON).body(c.body()).post(path).then().statusCode(c.status())
                    .contentType("application/problem+json").body("type", equalTo("https://claimdesk.dev/problems/" + c.type()));
        }
        as(mine, "reviewer").contentType(ContentType.JSON).body("{not json").post(path).then().statusCode(400);
        as(mine, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", 1))
                .post("/api/tasks/" + UUID.randomUUID() + "/verdict").then().statusCode(404);
        assertEquals(task.version, task(cluster).version, "the task did not move");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Review.count("taskId", task.id)), "no review stored");
    }

    @Test
    void shouldApplyTheSameVerdictSentTwiceWithOneIdempotencyKeyOnce() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("twice");
        desk.reviewer(reviewer, 5, "politics");
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The airline cancelled all flights on Friday.", 0.5, cluster));
        ReviewTask task = task(cluster);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(reviewer, "reviewer").header("Idempotency-Key", key).contentType(ContentType.JSON).body(verdict("TRUE", task.version))
                    .post("/api/tasks/" + task.id + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"));
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Verdict.count("taskId", task.id)), "one verdict");
        as(reviewer, "reviewer").header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(verdict("TRUE", task.version)).post("/api/tasks/" + task.id + "/verdict").then().statusCode(409)
                .body("type", equalTo("https://claimdesk.dev/problems/task-closed"));
    }

    @Test
    void shouldRefuseAReviewerWithNegativeCapacityAnUnknownSkillOrABadName() {
        String name = "ok-" + UUID.randomUUID().toString().substring(0, 8);
        record Case(Map<String, Object> body, String type) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("username", name, "skills", List.of("figures"), "capacity", -1), "invalid-reviewer"),
                new Case(Map.of("username", name, "skills", List.of("astrology"), "capacity", 3), "unknown-skill"),
                new Case(Map.of("username", "Not A Name", "skills", List.of("figures"), "capacity", 3), "invalid-reviewer"),
                new Case(Map.of("username", name, "skills", List.of("figures"), "capacity", 3, "languages", List.of("English")),
                        "invalid-reviewer"),
                new Case(Map.of("username", name, "skills", List.of("figures")), "invalid-reviewer"));
        for (Case c : cases) {
            admin().contentType(ContentType.JSON).body(c.body()).post("/api/reviewers").then().statusCode(400)
                    .body("type", equalTo("https://claimdesk.dev/problems/" + c.type()));
        }
        admin().get("/api/reviewers").then().statusCode(200).body("findAll { it.username == '" + name + "' }.size()", equalTo(0));
        // no capacity and a language of its own: this reviewer never takes, nor waits for, the other tests' tasks
        Map<String, Object> valid = Map.of("username", name, "skills", List.of("figures"), "capacity", 0,
                "languages", List.of(new dev.claimdesk.review.testing.Desk().language));
        admin().contentType(ContentType.JSON).body(valid).post("/api/reviewers").then().statusCode(201);
        admin().contentType(ContentType.JSON).body(valid).post("/api/reviewers").then().statusCode(409)
                .body("type", equalTo("https://claimdesk.dev/problems/reviewer-exists"));
    }

    @Test
    void shouldRefuseABadCursorOrPage() {
        as("editor-9", "editor").get("/api/verdicts?after=yesterday").then().statusCode(400)
                .body("type", equalTo("https://claimdesk.dev/problems/invalid-cursor"));
        as("editor-9", "editor").get("/api/verdicts?size=0").then().statusCode(400);
        as("editor-9", "editor").get("/api/tasks?stage=LUNCH").then().statusCode(400);
        admin().get("/api/audit?from=monday").then().statusCode(400);
        as("editor-9", "editor").get("/api/reports/" + UUID.randomUUID()).then().statusCode(404);
        as("editor-9", "editor").get("/api/verdicts/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(base);
        body.putAll(changes);
        return body;
    }
}
