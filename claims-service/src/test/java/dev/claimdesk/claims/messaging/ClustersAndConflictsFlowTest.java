package dev.claimdesk.claims.messaging;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.service.Conflicts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.claimdesk.claims.testing.Articles.ingest;
import static dev.claimdesk.commons.security.Roles.EDITOR;
import static dev.claimdesk.commons.security.Roles.REVIEWER;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clusters across outlets, their sources, and the figures in them that disagree, through the real broker. */
@QuarkusTest
class ClustersAndConflictsFlowTest {

    private static Claim figure(UUID articleId, double value) {
        return Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC' and quantityValue = ?2 order by revision desc",
                articleId, value).firstResult();
    }

    @Test
    void shouldFlagFiguresThatCannotBothHoldAndCountACopyAsNoNewSource() throws Exception {
        String plant = "Kellmoor" + UUID.randomUUID().toString().substring(0, 6);
        UUID wire = UUID.randomUUID();
        UUID paper = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        ingest(wire, 1, "Wire", "A fire at the " + plant + " chemical plant killed at least 12 workers on Tuesday, the fire brigade said.\n"
                + "About 300 residents were evacuated from nearby streets.", null);
        ingest(paper, 1, "Paper", "The blaze at the " + plant + " chemical plant killed 9 workers on Tuesday, the plant's owner said.\n"
                + "Some 320 residents were evacuated from nearby streets overnight.", null);
        ingest(copy, 1, "Aggregator", "A fire at the " + plant + " chemical plant on Tuesday killed at least 12 workers, the fire brigade said.\n"
                + "About 300 residents were evacuated from nearby streets.", wire);

        Claim wireKilled = figure(wire, 12);
        Claim paperKilled = figure(paper, 9);
        assertEquals(wireKilled.clusterId, paperKilled.clusterId, "one death toll told by two outlets");
        assertEquals(wireKilled.clusterId, figure(copy, 12).clusterId, "and by the copy");
        assertEquals(figure(wire, 300).clusterId, figure(paper, 320).clusterId, "one evacuation told by two outlets");
        assertNotEquals(wireKilled.clusterId, figure(wire, 300).clusterId, "deaths and evacuations are different claims");

        JsonPath cluster = givenToken(EDITOR).get("/api/clusters/" + wireKilled.clusterId).then().statusCode(200)
                .body("articleIds", containsInAnyOrder(wire.toString(), paper.toString(), copy.toString()))
                .body("sources", containsInAnyOrder("Aggregator", "Paper", "Wire"))
                .body("independentSources", equalTo(2))
                .body("verdict", equalTo(null))
                .extract().jsonPath();
        List<String> kinds = cluster.getList("conflicts.kind");
        assertFalse(kinds.isEmpty(), "the disagreeing tolls are flagged");
        assertTrue(kinds.stream().allMatch("BOUND_VIOLATED"::equals), kinds.toString());
        assertTrue(cluster.<List<String>>getList("conflicts.claimIds").stream()
                .anyMatch(ids -> ids.containsAll(List.of(wireKilled.id.toString(), paperKilled.id.toString()))));

        List<List<String>> flagged = givenToken(REVIEWER).queryParam("size", 1000).get("/api/conflicts").then().statusCode(200)
                .extract().jsonPath().getList("items.claimIds");
        assertTrue(flagged.stream().anyMatch(ids -> ids.contains(wireKilled.id.toString()) && ids.contains(paperKilled.id.toString())));
        String evacuatedWire = figure(wire, 300).id.toString();
        assertTrue(flagged.stream().noneMatch(ids -> ids.contains(evacuatedWire)), "about 300 and some 320 agree");
    }

    @Test
    void shouldRecordAClaimDisagreeingWithAtMostTenEarlierFiguresInAStoryToldByManyOutlets() throws Exception {
        String plant = "Dunmere" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            UUID article = UUID.randomUUID();
            articles.add(article);
            // fourteen outlets, fourteen tolls: every pair disagrees
            ingest(article, 1, "Outlet " + i, "An explosion at the " + plant + " refinery killed " + (20 + 3 * i)
                    + " workers on Monday, officials said.", null);
        }
        Claim last = figure(articles.getLast(), 20 + 3 * 13);
        assertEquals(figure(articles.getFirst(), 20).clusterId, last.clusterId, "one toll told by fourteen outlets");
        List<List<String>> conflicts = givenToken(EDITOR).get("/api/clusters/" + last.clusterId).then().statusCode(200)
                .extract().jsonPath().getList("conflicts.claimIds");
        long ofLast = conflicts.stream().filter(ids -> ids.contains(last.id.toString())).count();
        assertEquals(Conflicts.MOST_PER_CLAIM, ofLast, "the last toll against the ten earliest, not all thirteen");
        String first = figure(articles.getFirst(), 20).id.toString();
        assertTrue(conflicts.stream().anyMatch(ids -> ids.containsAll(List.of(first, last.id.toString()))), "the earliest among them");
        assertTrue(conflicts.size() < 14 * 13 / 2, "fewer rows than all pairs: " + conflicts.size());
    }

    @Test
    void shouldKeepTheClusterOfAnUnchangedSentenceInANewRevisionAndListOnlyTheNewRevision() throws Exception {
        String town = "Ostrava" + UUID.randomUUID().toString().substring(0, 6);
        UUID article = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String kept = "Engineers reopened the bridge at " + town + " to traffic on Sunday after 14 months of repairs.";
        ingest(article, 1, "Wire", kept + "\nThe works cost 48 million euros, the transport ministry said.", null);
        ingest(other, 1, "Paper", "The bridge at " + town + " reopened to traffic on Sunday after 14 months of repairs.", null);
        Claim before = figure(article, 14);
        ingest(article, 2, "Wire", kept + "\nThe works cost 51 million euros, the transport ministry said.", null);
        Claim after = figure(article, 14);
        assertEquals(2, after.revision);
        assertNotEquals(before.id, after.id);
        assertEquals(before.clusterId, after.clusterId, "an unchanged sentence keeps its cluster");
        givenToken(REVIEWER).queryParam("articleId", article.toString()).get("/api/claims").then().statusCode(200)
                .body("items.revision", everyItem(equalTo(2)))
                .body("items.quantity.value", hasItem(51000000.0f));
    }

    @Test
    void shouldSearchClaimTextByWordStems() throws Exception {
        String harbour = "Vellin" + UUID.randomUUID().toString().substring(0, 6);
        UUID article = UUID.randomUUID();
        ingest(article, "Wire", "Customs officers seized 2,400 kilograms of cocaine in the port of " + harbour + " on Friday.");
        givenToken(REVIEWER).queryParam("articleId", article.toString()).queryParam("q", "seizing cocaine")
                .get("/api/claims").then().statusCode(200).body("items", not(empty()))
                .body("items.text", everyItem(containsString("seized 2,400 kilograms of cocaine")));
        givenToken(REVIEWER).queryParam("articleId", article.toString()).queryParam("q", "heroin")
                .get("/api/claims").then().statusCode(200).body("items", hasSize(0));
        givenToken(REVIEWER).queryParam("q", "\"kilograms of\" -cocaine OR (").get("/api/claims").then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownCluster() {
        givenToken(REVIEWER).get("/api/clusters/" + UUID.randomUUID()).then().statusCode(404);
        givenToken(REVIEWER).get("/api/clusters/not-a-uuid").then().statusCode(404);
    }
}
