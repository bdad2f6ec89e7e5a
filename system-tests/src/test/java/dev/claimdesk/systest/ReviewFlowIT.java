package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review loop across the built services over the real broker: the seeds are ingested, every cluster gets a task
 * and its claims turn IN_REVIEW in claims-service; a reviewer's verdict reaches every claim of the cluster; the feed,
 * the report and ClaimReview return it; a correction appears as a new version.
 */
class ReviewFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTakeTheSeedsFromIngestToAPublishedCorrectedVerdictShownOnEveryClaimOfTheCluster() throws Exception {
        String reviewer = "systest-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", Map.of());
             ServiceProcess review = ServiceProcess.start("review-service", "claimdesk_systest_review", Map.of());
             ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of())) {
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("username", reviewer, "skills", List.of("figures", "military", "quotes", "politics"),
                            "languages", List.of("en"), "capacity", 1000))
                    .post("/api/reviewers").then().statusCode(201);

            Map<String, String> urls = ingestSeeds(ingest);
            List<String> articles = new ArrayList<>(urls.keySet());
            for (String article : articles) {
                await(() -> articleClaims(claims, article).isEmpty() ? null : true, "claims of " + article);
            }
            // read once all are in: a later article's claim may have merged clusters of earlier ones
            Map<String, List<JsonNode>> byCluster = new HashMap<>();
            for (String article : articles) {
                articleClaims(claims, article).forEach(c -> byCluster.computeIfAbsent(c.get("clusterId").asText(), k -> new ArrayList<>()).add(c));
            }

            // every cluster has one task, and claims-service shows its claims under review
            Map<String, JsonNode> tasks = new HashMap<>();
            for (String cluster : byCluster.keySet()) {
                tasks.put(cluster, await(() -> {
                    JsonNode page = json(reviewerCall(review, reviewer).queryParam("clusterId", cluster).get("/api/tasks")
                            .then().statusCode(200).extract().asString());
                    return page.get("items").size() == 1 && page.get("items").get(0).get("assignee") != null
                            && !page.get("items").get(0).get("assignee").isNull() ? page.get("items").get(0) : null;
                }, "the task of cluster " + cluster));
            }
            String multi = byCluster.entrySet().stream()
                    .filter(e -> e.getValue().stream().map(c -> c.get("articleId").asText()).distinct().count() > 1)
                    .filter(e -> !hasHighImpact(tasks.get(e.getKey())))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("a cross-outlet cluster without casualties"));
            for (String cluster : byCluster.keySet()) {
                await(() -> statuses(claims, cluster).equals(Set.of("IN_REVIEW")) ? true : null, "claims of " + cluster + " IN_REVIEW");
            }

            JsonNode task = tasks.get(multi);
            assertEquals(reviewer, task.get("assignee").asText());
            JsonNode done = json(reviewerCall(review, reviewer).contentType(ContentType.JSON)
                    .body(Map.of("rating", "MOSTLY_TRUE", "explanation", "Russia's defence ministry announced it; the advance had stalled.",
                            "sources", List.of(Map.of("url", "https://mil.example/statement", "excerpt", "reduce military activity")),
                            "taskVersion", task.get("version").asLong()))
                    .post("/api/tasks/" + task.get("id").asText() + "/verdict").then().statusCode(200)
                    .body("stage", equalTo("DONE")).extract().asString());
            String verdictId = done.at("/verdict/id").asText();

            // claims-service applies the verdict to every claim of the cluster
            await(() -> statuses(claims, multi).equals(Set.of("VERDICT")) ? true : null, "every claim of the cluster shows the verdict");
            clusterClaims(claims, multi).forEach(c -> assertEquals("MOSTLY_TRUE", c.at("/verdict/rating").asText(), c.toString()));

            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor")).get("/api/verdicts?size=1000")
                    .then().statusCode(200).body("items.id", hasItem(verdictId));
            String article = byCluster.get(multi).getFirst().get("articleId").asText();
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor")).get("/api/reports/" + article)
                    .then().statusCode(200).body("items.find { it.clusterId == '" + multi + "' }.verdict.rating", equalTo("MOSTLY_TRUE"));
            // every article of this run that told the claim appears (the cluster may also hold earlier tests' articles)
            List<String> appearances = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                    .get("/api/verdicts/" + verdictId + "/claimreview").then().statusCode(200)
                    .body("reviewRating.alternateName", equalTo("Mostly true"))
                    .extract().jsonPath().getList("itemReviewed.appearance.url");
            byCluster.get(multi).stream().map(c -> urls.get(c.get("articleId").asText())).distinct()
                    .forEach(url -> assertTrue(appearances.contains(url), url + " in " + appearances));

            // a correction is a new version, in the feed and on the claims
            reviewerCall(review, reviewer).contentType(ContentType.JSON)
                    .body(Map.of("rating", "TRUE", "explanation", "The ministry confirmed the drawdown the next day.", "reason",
                            "Confirmed", "version", 1, "sources", List.of(Map.of("url", "https://mil.example/confirmation"))))
                    .post("/api/verdicts/" + verdictId + "/corrections").then().statusCode(201).body("version", equalTo(2));
            await(() -> {
                for (JsonNode c : clusterClaims(claims, multi)) {
                    if (c.at("/verdict/version").asInt() != 2 || !c.at("/verdict/rating").asText().equals("TRUE")) {
                        return null;
                    }
                }
                return true;
            }, "the corrected version on every claim");
            JsonNode feed = json(given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                    .get("/api/verdicts?size=1000").then().statusCode(200).extract().asString());
            List<Integer> versions = new ArrayList<>();
            feed.get("items").forEach(v -> {
                if (v.get("id").asText().equals(verdictId)) {
                    versions.add(v.get("version").asInt());
                }
            });
            assertEquals(List.of(1, 2), versions, "each version in the feed once, in order");
        }
    }

    private static boolean hasHighImpact(JsonNode task) {
        for (JsonNode c : task.get("claims")) {
            if (c.get("casualties").asBoolean() || c.get("conflicted").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode articleClaims(ServiceProcess claims, String article) {
        return json(given().baseUri(claims.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                .queryParam("articleId", article).queryParam("size", 1000).get("/api/claims").then().statusCode(200)
                .extract().asString()).get("items");
    }

    /** The claims of a cluster as claims-service shows them now. */
    private static JsonNode clusterClaims(ServiceProcess claims, String cluster) {
        return json(given().baseUri(claims.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                .queryParam("clusterId", cluster).queryParam("size", 1000).get("/api/claims").then().statusCode(200)
                .extract().asString()).get("items");
    }

    private static Set<String> statuses(ServiceProcess claims, String cluster) {
        Set<String> statuses = new java.util.TreeSet<>();
        clusterClaims(claims, cluster).forEach(c -> statuses.add(c.get("status").asText()));
        return statuses;
    }

    private static RequestSpecification reviewerCall(ServiceProcess review, String reviewer) {
        return given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"));
    }

    /** Ingests the five seed articles under urls of this run; returns each article's id with its url. */
    private static Map<String, String> ingestSeeds(ServiceProcess ingest) throws Exception {
        Path seeds = dev.claimdesk.commons.testing.EvalData.seeds();
        JsonNode manifest = JSON.readTree(seeds.resolve("manifest.json").toFile());
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (JsonNode a : manifest.get("articles")) {
            String body = Files.readString(seeds.resolve(a.get("file").asText()));
            String url = "https://review.example/" + run + "/" + a.get("file").asText();
            ids.put(given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest")).contentType(ContentType.JSON)
                    .body(Map.of("title", a.get("title").asText() + " [review " + run + "]", "outlet", a.get("outlet").asText(),
                            "url", url, "publishedAt", a.get("publishedAt").asText(), "format", a.get("format").asText(), "body", body))
                    .post("/api/articles").then().statusCode(201).extract().path("id"), url);
        }
        return ids;
    }

    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " within 60 s");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
