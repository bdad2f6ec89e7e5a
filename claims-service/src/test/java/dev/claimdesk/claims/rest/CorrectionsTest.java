package dev.claimdesk.claims.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.claims.Claim;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.claimdesk.claims.testing.Articles.ingest;
import static dev.claimdesk.commons.security.Roles.REVIEWER;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewers' corrections: recorded with who and why, announced again, and kept when the article is re-extracted. */
@QuarkusTest
class CorrectionsTest {

    private static String town() {
        // a place name of letters only, unique per test: each of six random hex digits as one of 16 letters
        StringBuilder name = new StringBuilder("Vells");
        UUID.randomUUID().toString().replace("-", "").chars().limit(6).forEach(c -> name.append((char) ('a' + Character.digit(c, 16))));
        return name.toString();
    }

    private static Claim statistic(UUID articleId) {
        return Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC' order by revision desc", articleId).firstResult();
    }

    private static long announcedCorrections(UUID articleId) {
        return ((Number) Claim.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM outbox WHERE routing_key = 'claim.extracted.v1' AND payload LIKE ?1 AND payload LIKE ?2")
                .setParameter(1, "%" + articleId + "%").setParameter(2, "%\"cause\":\"CORRECTION\"%").getSingleResult()).longValue();
    }

    @Test
    void shouldDismissAClaimOnlyWithAReasonAndRecordWhoAndWhy() throws Exception {
        UUID article = UUID.randomUUID();
        ingest(article, "Wire", "Police in " + town() + " arrested 17 protesters on Saturday, a spokesman said.");
        Claim claim = statistic(article);
        givenToken(REVIEWER).contentType(ContentType.JSON).body(Map.of("status", "DISMISSED"))
                .patch("/api/claims/" + claim.id).then().statusCode(400).body("detail", containsString("reason"));
        given("rev-anna").body(Map.of("status", "DISMISSED", "reason", "not a claim: a routine police note"))
                .patch("/api/claims/" + claim.id).then().statusCode(200).body("status", equalTo("DISMISSED"));
        given("rev-anna").get("/api/claims/" + claim.id + "/corrections").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("DISMISS"))
                .body("[0].actor", equalTo("rev-anna"))
                .body("[0].reason", equalTo("not a claim: a routine police note"))
                .body("[0].before.status", equalTo("PENDING"))
                .body("[0].after.status", equalTo("DISMISSED"));
        assertEquals(1, announcedCorrections(article), "the article's claims are announced again");
        given("rev-anna").body(Map.of("status", "PENDING", "reason", "it is a claim after all"))
                .patch("/api/claims/" + claim.id).then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void shouldKeepAnEditAndADismissalWhenTheArticleIsReExtracted() throws Exception {
        UUID article = UUID.randomUUID();
        String place = town();
        String figure = "The storm damaged 120 homes in " + place + ", the mayor said.";
        String quote = "\"We will rebuild every street of this town,\" the mayor said on Sunday.";
        ingest(article, 1, "Wire", figure + "\n" + quote, null);
        Claim damaged = statistic(article);
        given("rev-bo").body(Map.of("quantity", Map.of("value", 210, "qualifier", "AT_LEAST", "unit", "homes"),
                        "places", List.of(place, "Northern Province"), "reason", "misread figure; the province too"))
                .patch("/api/claims/" + damaged.id).then().statusCode(200)
                .body("quantity.value", equalTo(210.0f)).body("quantity.qualifier", equalTo("AT_LEAST"))
                .body("quantity.text", equalTo("120"));
        Claim quoted = Claim.<Claim>find("articleId = ?1 and type = 'QUOTE'", article).firstResult();
        given("rev-bo").body(Map.of("status", "DISMISSED", "reason", "rhetoric")).patch("/api/claims/" + quoted.id)
                .then().statusCode(200);

        ingest(article, 2, "Wire", "Updated at noon.\n" + figure + "\n" + quote, null);
        given("rev-bo").get("/api/claims/" + damaged.id).then().statusCode(200);
        given("rev-bo").queryParam("articleId", article.toString()).get("/api/claims").then().statusCode(200)
                .body("items.revision", not(hasItem(1)))
                .body("items.find { it.type == 'STATISTIC' }.quantity.value", equalTo(210.0f))
                .body("items.find { it.type == 'STATISTIC' }.places", hasItem("Northern Province"))
                .body("items.find { it.type == 'STATISTIC' }.clusterId", equalTo(damaged.clusterId.toString()))
                .body("items.find { it.type == 'QUOTE' }.status", equalTo("DISMISSED"));
        given("rev-bo").body(Map.of("speaker", "Mayor Ivo Kern")).patch("/api/claims/" + damaged.id)
                .then().statusCode(409).body("type", containsString("claim-superseded"));
    }

    @Test
    void shouldKeepACorrectionWhenARevisionRewordsTheSentenceButNotWhenItChangesTheFigure() throws Exception {
        UUID article = UUID.randomUUID();
        String place = town();
        ingest(article, 1, "Wire", "The storm damaged 120 homes in " + place + ", the mayor said.", null);
        Claim damaged = statistic(article);
        given("rev-cy").body(Map.of("places", List.of(place, "Northern Province"), "reason", "the province too"))
                .patch("/api/claims/" + damaged.id).then().statusCode(200);

        // the outlet rewords the sentence and moves it: the same statement, the reviewer's places with it
        ingest(article, 2, "Wire", "Updated at noon.\nThe storm damaged 120 homes in " + place + " on Sunday night, the mayor said.", null);
        given("rev-cy").queryParam("articleId", article.toString()).get("/api/claims").then().statusCode(200)
                .body("items.revision", not(hasItem(1)))
                .body("items.find { it.type == 'STATISTIC' }.places", hasItem("Northern Province"));

        // a new figure is a new statement: what the reviewer decided about the old one does not carry over
        ingest(article, 3, "Wire", "Updated in the evening.\nThe storm damaged 150 homes in " + place + " on Sunday night, the mayor said.",
                null);
        given("rev-cy").queryParam("articleId", article.toString()).get("/api/claims").then().statusCode(200)
                .body("items.revision", not(hasItem(2)))
                .body("items.find { it.type == 'STATISTIC' }.places", not(hasItem("Northern Province")));
    }

    @Test
    void shouldSplitAClusterAndMergeClustersAndClusteringShouldKeepTheirShape() throws Exception {
        String place = town();
        UUID wire = UUID.randomUUID();
        UUID paper = UUID.randomUUID();
        ingest(wire, "Wire", "Firefighters in " + place + " rescued 38 people from a collapsed hotel on Monday.");
        ingest(paper, "Paper", "On Monday firefighters rescued 38 people from a collapsed hotel in " + place + ".");
        Claim a = statistic(wire);
        Claim b = statistic(paper);
        assertEquals(a.clusterId, b.clusterId);

        String key = UUID.randomUUID().toString();
        String split = given("rev-cy").header("Idempotency-Key", key).body(Map.of("claimIds", List.of(b.id), "reason", "different hotels"))
                .post("/api/clusters/" + a.clusterId + "/split").then().statusCode(201)
                .body("claimIds", equalTo(List.of(b.id.toString()))).extract().path("id");
        given("rev-cy").header("Idempotency-Key", key).body(Map.of("claimIds", List.of(b.id), "reason", "different hotels"))
                .post("/api/clusters/" + a.clusterId + "/split").then().statusCode(201).body("id", equalTo(split));
        given("rev-cy").get("/api/clusters/" + a.clusterId).then().statusCode(200).body("claimIds", equalTo(List.of(a.id.toString())));

        UUID third = UUID.randomUUID();
        ingest(third, "Agency", "Firefighters rescued 38 people from a collapsed hotel in " + place + " on Monday, officials said.");
        UUID thirdCluster = statistic(third).clusterId;
        assertTrue(thirdCluster.equals(a.clusterId) || thirdCluster.toString().equals(split), "joins one of them");
        assertNotEquals(statistic(wire).clusterId.toString(), split, "clustering does not undo the split");

        given("rev-cy").body(Map.of("clusterIds", List.of(split, a.clusterId), "reason", "same hotel after all"))
                .post("/api/clusters/merge").then().statusCode(200).body("id", equalTo(a.clusterId.toString()))
                .body("claimIds", hasItem(b.id.toString()));
        given("rev-cy").get("/api/clusters/" + split).then().statusCode(200).body("id", equalTo(a.clusterId.toString()));
        given("rev-cy").body(Map.of("clusterIds", List.of(split, a.clusterId))).post("/api/clusters/merge").then().statusCode(400);
    }

    @Test
    void shouldAnnounceEveryArticleOfTheClusterAgainNamingTheReviewerWhenACorrectionEndsAConflict() throws Exception {
        String coast = town();
        UUID wire = UUID.randomUUID();
        UUID paper = UUID.randomUUID();
        // a story no other test tells: its cluster holds these two tellings only
        ingest(wire, "Wire", "A gas blast in a coal mine near " + coast + " trapped 12 miners on Thursday, rescuers said.");
        ingest(paper, "Paper", "The gas blast at the coal mine near " + coast + " on Thursday trapped 9 miners, rescuers said.");
        Claim told = statistic(wire);
        Claim misread = statistic(paper);
        assertEquals(told.clusterId, misread.clusterId, "one toll told by two outlets");
        assertTrue(conflictingClaims(paper, misread.id).contains(told.id.toString()), "the tolls disagree");

        given("rev-fay").body(Map.of("quantity", Map.of("value", 12, "qualifier", "EXACT", "unit", "miners"),
                "reason", "the paper printed 12; 9 was an OCR slip")).patch("/api/claims/" + misread.id).then().statusCode(200);
        // both tellings are announced again, by the reviewer, and neither lists the other as disagreeing any more
        for (UUID article : List.of(wire, paper)) {
            JsonNode announced = announcement(article);
            assertEquals("CORRECTION", announced.get("cause").asText(), article.toString());
            assertEquals("rev-fay", announced.get("correctedBy").asText());
        }
        assertEquals(List.of(), conflictingClaims(wire, told.id));
        assertEquals(List.of(), conflictingClaims(paper, misread.id));
    }

    /** The latest claim.extracted.v1 written for the article. */
    private static JsonNode announcement(UUID articleId) throws Exception {
        Object payload = Claim.getEntityManager().createNativeQuery("SELECT payload FROM outbox WHERE routing_key = 'claim.extracted.v1' "
                        + "AND payload LIKE ?1 ORDER BY created_at DESC LIMIT 1").setParameter(1, "%\"articleId\":\"" + articleId + "\"%")
                .getSingleResult();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload.toString());
    }

    private static List<String> conflictingClaims(UUID articleId, UUID claimId) throws Exception {
        for (JsonNode c : announcement(articleId).get("claims")) {
            if (c.get("id").asText().equals(claimId.toString())) {
                List<String> ids = new java.util.ArrayList<>();
                c.get("conflictingClaims").forEach(id -> ids.add(id.asText()));
                return ids;
            }
        }
        throw new AssertionError("claim " + claimId + " not announced with article " + articleId);
    }

    @Test
    void shouldCompareLaterClaimsWithAClaimAsCorrectedNotAsFirstExtracted() throws Exception {
        String place = town();
        UUID wire = UUID.randomUUID();
        // a story no other test tells, so that the claim starts in a cluster of its own
        ingest(wire, "Wire", "Lifeguards at " + place + " pulled 27 swimmers from a riptide on Sunday.");
        Claim rescued = statistic(wire);
        given("rev-eve").body(Map.of("quantity", Map.of("value", 27, "qualifier", "EXACT", "unit", "surfers"),
                        "reason", "they were surfers"))
                .patch("/api/claims/" + rescued.id).then().statusCode(200);

        // a figure joins only figures of the same counted thing
        UUID paper = UUID.randomUUID();
        ingest(paper, "Paper", "On Sunday lifeguards pulled 27 swimmers from a riptide at " + place + ".");
        assertNotEquals(rescued.clusterId, statistic(paper).clusterId, "the claim now counts surfers, not swimmers");
        UUID agency = UUID.randomUUID();
        ingest(agency, "Agency", "On Sunday lifeguards pulled 27 surfers from a riptide at " + place + ".");
        assertEquals(rescued.clusterId, statistic(agency).clusterId, "the same claim as corrected");
    }

    @Test
    void shouldRefuseCorrectionsTheContractDoesNotAllow() throws Exception {
        UUID article = UUID.randomUUID();
        ingest(article, "Wire", "The council in " + town() + " approved 14 new schools on Tuesday, the mayor said.");
        Claim claim = statistic(article);
        for (Object body : List.of(Map.of(), Map.of("colour", "red"), Map.of("type", "RUMOUR"), Map.of("status", "VERDICT"),
                Map.of("quantity", Map.of("value", "many")), Map.of("quantity", Map.of("value", 3, "qualifier", "LOTS")),
                Map.of("quantity", Map.of("value", 3, "low", 5, "high", 1)), Map.of("places", "Rome"))) {
            given("rev-dee").body(body).patch("/api/claims/" + claim.id).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given("rev-dee").body("{not json").patch("/api/claims/" + claim.id).then().statusCode(400);
        given("rev-dee").body(Map.of("speaker", "Mayor Lena Ott")).patch("/api/claims/" + UUID.randomUUID()).then().statusCode(404);
        List<String> members = given("rev-dee").get("/api/clusters/" + claim.clusterId).then().extract().path("claimIds");
        given("rev-dee").body(Map.of("claimIds", members)).post("/api/clusters/" + claim.clusterId + "/split")
                .then().statusCode(400).body("detail", containsString("leave at least one"));
        given("rev-dee").body(Map.of("claimIds", List.of(UUID.randomUUID()))).post("/api/clusters/" + claim.clusterId + "/split")
                .then().statusCode(409);
        given("rev-dee").body(Map.of("claimIds", List.of(claim.id))).post("/api/clusters/" + UUID.randomUUID() + "/split")
                .then().statusCode(404);
        given("rev-dee").body(Map.of("clusterIds", List.of(claim.clusterId))).post("/api/clusters/merge").then().statusCode(400);
        given("rev-dee").body(Map.of("clusterIds", List.of("x"))).post("/api/clusters/merge").then().statusCode(400);
        assertEquals(0, Claim.getEntityManager().createNativeQuery("SELECT 1 FROM correction WHERE claim_id = ?1")
                .setParameter(1, claim.id).getResultList().size(), "nothing refused is recorded");
    }

    private static io.restassured.specification.RequestSpecification given(String reviewer) {
        return io.restassured.RestAssured.given().auth().oauth2(dev.claimdesk.commons.testing.Tokens.valid(reviewer, REVIEWER))
                .contentType(ContentType.JSON);
    }
}
