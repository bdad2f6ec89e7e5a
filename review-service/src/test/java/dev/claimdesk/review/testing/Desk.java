package dev.claimdesk.review.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimdesk.commons.testing.Broker;
import dev.claimdesk.review.Article;
import dev.claimdesk.review.ReviewTask;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the review tests set up the way the suite does: reviewers through the admin API, and claims announced as
 * claims-service announces them, as claim.extracted.v1 on the real broker. Each test speaks a language of its own,
 * so the tasks and reviewers of other tests never meet its own.
 */
public final class Desk {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String language;

    /** Languages are handed out in turn from a random start: no two desks of one test run share one. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_LANGUAGE =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(26 * 26 * 26));

    public Desk() {
        int n = NEXT_LANGUAGE.getAndIncrement() % (26 * 26 * 26);
        language = "" + (char) ('a' + n / (26 * 26)) + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26);
    }

    /**
     * A claim as claims-service announces it; {@code killed} makes it a casualty figure, {@code against} lists the
     * claims its figure conflicts with (conflictingClaims).
     */
    public record Claim(UUID id, String type, String text, double checkworthiness, UUID clusterId, boolean killed,
                        List<UUID> conflicts, String speaker, List<UUID> against) {
        public Claim(UUID id, String type, String text, double checkworthiness, UUID clusterId, boolean killed, List<UUID> conflicts,
                     String speaker) {
            this(id, type, text, checkworthiness, clusterId, killed, conflicts, speaker, List.of());
        }

        public static Claim of(String type, String text, double checkworthiness, UUID clusterId) {
            return new Claim(UUID.randomUUID(), type, text, checkworthiness, clusterId, false, List.of(), null);
        }

        public static Claim toll(String text, UUID clusterId) {
            return new Claim(UUID.randomUUID(), "STATISTIC", text, 0.85, clusterId, true, List.of(), null);
        }

        /** A casualty figure less check-worthy than {@link #toll}'s, so that a toll told first leads. */
        public static Claim toll(String text, double checkworthiness, UUID clusterId) {
            return new Claim(UUID.randomUUID(), "STATISTIC", text, checkworthiness, clusterId, true, List.of(), null);
        }

        public static Claim quote(String text, String speaker, UUID clusterId) {
            return new Claim(UUID.randomUUID(), "QUOTE", text, 0.6, clusterId, false, List.of(), speaker);
        }

        /** This claim announced as conflicting with {@code others}' figures, one conflict each. */
        public Claim against(Claim... others) {
            List<UUID> ids = java.util.Arrays.stream(others).map(Claim::id).toList();
            return new Claim(id, type, text, checkworthiness, clusterId, killed, ids.stream().map(o -> UUID.randomUUID()).toList(),
                    speaker, ids);
        }
    }

    public String reviewer(String username, int capacity, String... skills) {
        return reviewer(username, capacity, false, skills);
    }

    /** Adds a reviewer speaking this desk's language; returns the reviewer's id. */
    public String reviewer(String username, int capacity, boolean senior, String... skills) {
        return admin().contentType(ContentType.JSON).body(Map.of("username", username, "displayName", username,
                        "skills", List.of(skills), "languages", List.of(language), "capacity", capacity, "senior", senior))
                .post("/api/reviewers").then().statusCode(201).extract().path("id");
    }

    /** A unique username for a reviewer of this test. */
    public String name(String who) {
        return who + "-" + language + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Announces an article's claims and waits until review-service has taken them in. */
    public UUID announce(UUID articleId, int revision, Claim... claims) throws Exception {
        publish(event(articleId, revision, null, List.of(), claims));
        awaitRevision(articleId, revision);
        return articleId;
    }

    /** Waits until review-service holds this revision of the article. */
    public static void awaitRevision(UUID articleId, int revision) throws InterruptedException {
        await(() -> {
            Article a = Article.findById(articleId);
            return a != null && a.revision == revision;
        }, "article " + articleId + " revision " + revision + " taken in");
    }

    /** claim.extracted.v1 as claims-service writes it; {@code merges} are [from, into] pairs. */
    public ObjectNode event(UUID articleId, int revision, UUID copyOf, List<UUID[]> merges, Claim... claims) {
        ObjectNode body = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", Instant.now().toString()).put("articleId", articleId.toString()).put("revision", revision)
                .put("outlet", "Outlet " + articleId.toString().substring(0, 4)).put("url", "https://news.example/" + articleId)
                .put("publishedAt", "2022-03-29T12:00:00Z").put("language", language).put("extractionStatus", "EXTRACTED");
        ArrayNode items = body.putArray("claims");
        int start = 0;
        for (Claim c : claims) {
            ObjectNode item = items.addObject().put("id", c.id().toString()).put("type", c.type()).put("text", c.text())
                    .put("start", start).put("end", start + c.text().length()).put("checkworthiness", c.checkworthiness())
                    .put("clusterId", c.clusterId().toString());
            start += c.text().length() + 1;
            if (c.speaker() != null) {
                item.put("speaker", c.speaker());
            }
            if (c.killed()) {
                // the figure the sentence gives, as claims-service reads it (40 when it gives none in digits)
                java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+").matcher(c.text());
                int value = digits.find() ? Integer.parseInt(digits.group()) : 40;
                item.putObject("quantity").put("value", value).put("qualifier", "EXACT").put("unit", "people")
                        .put("subject", "people killed").put("text", String.valueOf(value));
            }
            ArrayNode conflicts = item.putArray("conflicts");
            c.conflicts().forEach(id -> conflicts.add(id.toString()));
            ArrayNode against = item.putArray("conflictingClaims");
            c.against().forEach(id -> against.add(id.toString()));
            item.putArray("places");
        }
        ArrayNode merged = body.putArray("mergedClusters");
        merges.forEach(m -> merged.addObject().put("from", m[0].toString()).put("into", m[1].toString()));
        body.put("cause", "EXTRACTION");
        if (copyOf != null) {
            body.put("copyOf", copyOf.toString());
        }
        return body;
    }

    /** A new article's claim, announced as claims-service does when placing it merged cluster {@code from} into {@code into}. */
    public void publishMerge(UUID from, UUID into, Claim claim) throws Exception {
        publish(event(UUID.randomUUID(), 1, null, List.<UUID[]>of(new UUID[] {from, into}), claim));
    }

    public void publish(ObjectNode body) throws Exception {
        try (Broker broker = Broker.connect()) {
            broker.publish("claims", "claim.extracted.v1", body.get("eventId").asText(), JSON.writeValueAsBytes(body));
        }
    }

    /** The cluster's task as committed now (a fresh read, never an entity cached by the test's session). */
    public static ReviewTask task(UUID clusterId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ReviewTask.find("clusterId", clusterId).firstResult());
    }

    public static RequestSpecification admin() {
        return givenToken("admin");
    }

    public static RequestSpecification as(String username, String... roles) {
        return given().auth().oauth2(dev.claimdesk.commons.testing.Tokens.valid(username, roles));
    }

    /** A verdict body at the task's current version. */
    public static Map<String, Object> verdict(String rating, long taskVersion) {
        return Map.of("rating", rating, "explanation", "Checked against the agency's own count.", "taskVersion", taskVersion,
                "sources", List.of(Map.of("url", "https://agency.example/report", "excerpt", "at least 40 people")));
    }

    public static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(condition::getAsBoolean)) {
            assertTrue(Instant.now().isBefore(deadline), what);
            Thread.sleep(50);
        }
    }
}
