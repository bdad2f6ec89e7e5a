package dev.claimdesk.review.service;

import dev.claimdesk.review.AuditEntry;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.testing.Desk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.admin;
import static dev.claimdesk.review.testing.Desk.as;
import static dev.claimdesk.review.testing.Desk.task;
import static dev.claimdesk.review.testing.Desk.verdict;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing over the real database, claims arriving over the real broker. */
@QuarkusTest
class RoutingTest {

    @Inject
    Routing routing;
    @Inject
    dev.claimdesk.review.service.Desk rounds;
    @Inject
    ReviewerStats stats;

    private static UUID cluster() {
        return UUID.randomUUID();
    }

    @Test
    void shouldGiveEachTaskToTheLeastLoadedReviewerWithItsSkillLongestWaitingFirst() throws Exception {
        Desk desk = new Desk();
        String first = desk.name("a");
        String second = desk.name("b");
        String politics = desk.name("c");
        desk.reviewer(first, 3, "figures");
        desk.reviewer(second, 3, "figures", "military");
        desk.reviewer(politics, 3, "politics");
        record Case(String type, String expected) {
        }
        List<Case> cases = List.of(
                new Case("STATISTIC", first),      // a tie, broken by name: neither was ever assigned
                new Case("STATISTIC", second),     // the least loaded
                new Case("EVENT", politics),       // the only one with the skill
                new Case("STATISTIC", first),      // a tie again (one each): the one who waited longest
                new Case("MILITARY_ACTION", second));
        for (Case c : cases) {
            UUID cluster = cluster();
            desk.announce(UUID.randomUUID(), 1, Claim.of(c.type(), "Officials said the claim of type " + c.type() + " holds.", 0.6, cluster));
            assertEquals(c.expected(), task(cluster).assignee, c.toString());
            assertEquals(ReviewTask.ASSIGNED, task(cluster).status);
        }
    }

    @Test
    void shouldKeepInTheDeskQueueWhatNobodyMayTakeAndAssignItWhenCapacityFrees() throws Exception {
        Desk desk = new Desk();
        String busy = desk.name("busy");
        String id = desk.reviewer(busy, 1, "figures");
        String away = desk.name("away");
        admin().contentType(ContentType.JSON).body(Map.of("username", away, "skills", List.of("figures"),
                "languages", List.of("zz" + desk.language.charAt(0)), "capacity", 5)).post("/api/reviewers").then().statusCode(201);
        UUID taken = cluster();
        UUID waiting = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("STATISTIC", "The agency said 300 homes were damaged.", 0.7, taken),
                Claim.of("STATISTIC", "The governor said 12 bridges were closed.", 0.6, waiting));
        assertEquals(busy, task(taken).assignee, "the more urgent task first");
        assertNull(task(waiting).assignee, "at capacity, and the other reviewer speaks another language");
        assertEquals(ReviewTask.QUEUED, task(waiting).status);
        as(busy, "reviewer").get("/api/tasks?waiting=true&size=1000").then().statusCode(200);

        as(busy, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task(taken).version))
                .post("/api/tasks/" + task(taken).id + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"));
        assertEquals(busy, task(waiting).assignee, "the verdict freed room and the waiting task went to it");

        UUID third = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("STATISTIC", "The ministry said 5 schools were closed.", 0.6, third));
        assertNull(task(third).assignee);
        admin().contentType(ContentType.JSON).body(Map.of("username", busy, "skills", List.of("figures"),
                "languages", List.of(desk.language), "capacity", 2)).put("/api/reviewers/" + id).then().statusCode(200)
                .body("openTasks", equalTo(2));
        assertEquals(busy, task(third).assignee, "raising capacity routes waiting tasks at once");
    }

    @Test
    void shouldRouteAWaitingTaskSomeoneCanTakeAheadOfMoreUrgentTasksNobodyCanTake() throws Exception {
        // more urgent tasks than a routing pass takes, in a language no reviewer speaks
        Desk unstaffed = new Desk();
        try {
            unstaffed.announce(UUID.randomUUID(), 1, java.util.stream.IntStream.range(0, 150)
                    .mapToObj(i -> Claim.of("STATISTIC", "The agency said " + (i + 2) + " homes were damaged.", 0.95, cluster()))
                    .toArray(Claim[]::new));
            Desk desk = new Desk();
            String reviewer = desk.name("only");
            desk.reviewer(reviewer, 1, "figures");
            UUID taken = cluster();
            UUID waiting = cluster();
            desk.announce(UUID.randomUUID(), 1, Claim.of("STATISTIC", "The council said 40 roads were shut.", 0.6, taken),
                    Claim.of("STATISTIC", "The council said 3 ferries were late.", 0.1, waiting));
            assertNull(task(waiting).assignee, "the reviewer is at capacity");

            as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task(taken).version))
                    .post("/api/tasks/" + task(taken).id + "/verdict").then().statusCode(200);
            assertEquals(reviewer, task(waiting).assignee, "the freed room went to the one task its reviewer can take");
        } finally {
            // so many tasks nobody can take would crowd the other tests' desk rounds
            QuarkusTransaction.requiringNew().run(() -> ReviewTask.delete("language", unstaffed.language));
        }
    }

    @Test
    void shouldSayWhyEachTaskWaitsAndCountTheOnesNoReviewerCanTake() throws Exception {
        Desk desk = new Desk();
        UUID nobody = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The assembly adopted the budget on Monday.", 0.5, nobody));
        ReviewTask waiting = task(nobody);
        admin().get("/api/tasks/" + waiting.id).then().statusCode(200).body("waiting.reason", equalTo("NO_REVIEWER_WITH_SKILL"))
                .body("waiting.detail", org.hamcrest.Matchers.containsString("'" + waiting.skill + "'"));
        admin().get("/api/tasks/unroutable?size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(waiting.id.toString()))
                .body("items.find { it.id == '" + waiting.id + "' }.waiting.reason", equalTo("NO_REVIEWER_WITH_SKILL"));
        long unroutable = metric("claimdesk_tasks_unroutable");
        assertTrue(unroutable >= 1, "the metric counts it: " + unroutable);
        as("a-reviewer", "reviewer").get("/api/tasks/unroutable").then().statusCode(403);

        // a reviewer with the skill and no room: the task waits for room, and needs no admin
        String full = desk.name("full");
        desk.reviewer(full, 0, waiting.skill);
        admin().get("/api/tasks/" + waiting.id).then().statusCode(200).body("waiting.reason", equalTo("ALL_AT_CAPACITY"));
        admin().get("/api/tasks/unroutable?size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(waiting.id.toString())));

        // a toll rated by the only reviewer with the skill waits for another; a disagreement, with no senior, for one
        UUID toll = cluster();
        String only = desk.name("only");
        desk.reviewer(only, 5, "figures");
        desk.announce(UUID.randomUUID(), 1, Claim.toll("The floods killed at least 40 people, the agency said.", toll));
        as(only, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", task(toll).version))
                .post("/api/tasks/" + task(toll).id + "/verdict").then().statusCode(200).body("stage", equalTo("SECOND_REVIEW"));
        admin().get("/api/tasks/" + task(toll).id).then().statusCode(200).body("waiting.reason", equalTo("ONLY_REVIEWERS_WHO_RATED_IT"));
        String other = desk.name("other");
        desk.reviewer(other, 5, "figures");
        Desk.await(() -> other.equals(task(toll).assignee), "the second review goes to the new reviewer");
        admin().get("/api/tasks/" + task(toll).id).then().statusCode(200).body("waiting", org.hamcrest.Matchers.nullValue());
        as(other, "reviewer").contentType(ContentType.JSON).body(verdict("FALSE", task(toll).version))
                .post("/api/tasks/" + task(toll).id + "/verdict").then().statusCode(200).body("stage", equalTo("ESCALATED"));
        admin().get("/api/tasks/" + task(toll).id).then().statusCode(200).body("waiting.reason", equalTo("NO_SENIOR_REVIEWER"));
        assertTrue(metric("claimdesk_tasks_unroutable") >= 1);
    }

    private static long metric(String name) {
        String text = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " is not among the metrics"));
    }

    @Test
    void shouldNeverRouteToAnInactiveReviewer() throws Exception {
        Desk desk = new Desk();
        String resting = desk.name("resting");
        admin().contentType(ContentType.JSON).body(Map.of("username", resting, "skills", List.of("figures"),
                "languages", List.of(desk.language), "capacity", 5, "active", false)).post("/api/reviewers").then().statusCode(201);
        UUID c = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("STATISTIC", "Police said 40 people were arrested.", 0.6, c));
        assertNull(task(c).assignee);
    }

    @Test
    void shouldReassignATaskPastDueOrMarkItOverdueWhenNobodyElseHasRoom() throws Exception {
        Desk desk = new Desk();
        String slow = desk.name("a-slow");
        desk.reviewer(slow, 5, "politics");
        UUID c = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The minister announced a new tax on Monday.", 0.5, c));
        assertEquals(slow, task(c).assignee);
        Instant later = task(c).dueAt.plus(1, ChronoUnit.MINUTES);

        rounds.overdue(later);
        assertEquals("OVERDUE", task(c).status, "nobody else can take it: marked for the admins");
        assertEquals(slow, task(c).assignee);

        // a second reviewer arrives; a new late task moves to them
        String quick = desk.name("b-quick");
        desk.reviewer(quick, 5, "politics");
        UUID d = cluster();
        desk.announce(UUID.randomUUID(), 1, Claim.of("EVENT", "The council approved the budget on Tuesday.", 0.5, d));
        String before = task(d).assignee;
        assertEquals(1, rounds.overdue(task(d).dueAt.plus(1, ChronoUnit.MINUTES)), "one task reassigned");
        assertTrue(!task(d).assignee.equals(before), "reassigned away from " + before);
        assertTrue(task(d).dueAt.isAfter(Instant.now()), "with a fresh due time");
        assertEquals(1, count("task.reassigned", task(d).id));
    }

    @Test
    void shouldAssignEachTaskOnceAndNeverPastCapacityWhenRoutedFromManyThreadsAtOnce() throws Exception {
        Desk desk = new Desk();
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviewers.add(desk.name("r" + i));
        }
        // nobody may take them yet: all tasks wait, then every thread routes the queue at once
        List<String> ids = new ArrayList<>();
        for (String r : reviewers) {
            ids.add(desk.reviewer(r, 0, "quotes"));
        }
        List<UUID> clusters = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID c = cluster();
            clusters.add(c);
            claims.add(Claim.of("QUOTE", "“We will finish line " + i + " by June,” the mayor said.", 0.5, c));
        }
        desk.announce(UUID.randomUUID(), 1, claims.toArray(Claim[]::new));
        QuarkusTransaction.requiringNew().run(() -> dev.claimdesk.review.Reviewer.update("capacity = 3 where username in ?1", reviewers));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            work.add(() -> routing.routeWaiting(100));
        }
        int assigned = 0;
        for (Future<Integer> f : pool.invokeAll(work)) {
            assigned += f.get();
        }
        pool.shutdown();
        assertEquals(9, assigned, "three reviewers of capacity three");
        Map<String, Integer> load = new HashMap<>();
        for (UUID c : clusters) {
            ReviewTask t = task(c);
            assertTrue(count("task.assigned", t.id) <= 1, "assigned once: " + t.id);
            if (t.assignee != null) {
                load.merge(t.assignee, 1, Integer::sum);
            }
        }
        assertEquals(Map.of(reviewers.get(0), 3, reviewers.get(1), 3, reviewers.get(2), 3), load);
    }

    @Test
    void shouldKeepEachReviewersLoadAsTheirOpenTasksAreThroughVerdictsReassignmentAndFolding() throws Exception {
        Desk desk = new Desk();
        String slow = desk.name("a-slow");
        String quick = desk.name("b-quick");
        desk.reviewer(slow, 5, "figures");
        List<UUID> clusters = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID c = cluster();
            clusters.add(c);
            claims.add(Claim.of("STATISTIC", "The agency said " + (100 + i) + " homes were damaged.", 0.6, c));
        }
        desk.announce(UUID.randomUUID(), 1, claims.toArray(Claim[]::new));
        assertEquals(Map.of(slow, 3L), load(slow, quick), "three assigned");

        ReviewTask done = task(clusters.getFirst());
        as(slow, "reviewer").contentType(ContentType.JSON).body(verdict("TRUE", done.version))
                .post("/api/tasks/" + done.id + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"));
        assertEquals(Map.of(slow, 2L), load(slow, quick), "a verdict frees one");

        desk.reviewer(quick, 5, "figures");
        rounds.overdue(task(clusters.getLast()).dueAt.plus(1, ChronoUnit.MINUTES));
        assertEquals(Map.of(quick, 2L), load(slow, quick), "reassigned to the other reviewer");

        QuarkusTransaction.requiringNew().run(routing::foldLoad);
        assertEquals(Map.of(quick, 2L), load(slow, quick), "folding changes no load");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) ReviewTask.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM reviewer_load WHERE username IN (?1, ?2)").setParameter(1, slow).setParameter(2, quick)
                .getSingleResult()).longValue()), "one row per reviewer with open tasks after a fold, none for one without");
    }

    /** The named reviewers' loads as routing reads them, checked against a count of their open tasks; zeros left out. */
    private Map<String, Long> load(String... usernames) {
        Map<String, Long> load = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> all = stats.openTasks();
            for (String u : usernames) {
                if (all.getOrDefault(u, 0L) != 0) {
                    load.put(u, all.get(u));
                }
                long open = ReviewTask.count("assignee = ?1 and stage <> 'DONE'", u);
                if (open != 0) {
                    counted.put(u, open);
                }
            }
        });
        assertEquals(counted, load, "the load routing reads against the open tasks counted");
        return load;
    }

    private static long count(String action, UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and taskId = ?2", action, taskId));
    }
}
