package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.service.Conflicts;
import dev.claimdesk.claims.testing.Articles.Revision;
import dev.claimdesk.commons.testing.Broker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.claimdesk.claims.testing.Articles.awaitReceived;
import static dev.claimdesk.claims.testing.Articles.ingest;
import static dev.claimdesk.claims.testing.Articles.publish;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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

        // the paper's announcement names the wire's toll against its own, so review-service can rate each on its own
        JsonNode announced = announcement(paper);
        JsonNode item = null;
        for (JsonNode c : announced.get("claims")) {
            if (c.get("id").asText().equals(paperKilled.id.toString())) {
                item = c;
            }
        }
        assertTrue(item != null && item.get("conflictingClaims").toString().contains(wireKilled.id.toString()), String.valueOf(item));
        assertEquals(item.get("conflicts").size(), item.get("conflictingClaims").size(), "one claim for each conflict");
    }

    /** The latest claim.extracted.v1 this service wrote for the article. */
    private static JsonNode announcement(UUID articleId) throws Exception {
        Object payload = Claim.getEntityManager().createNativeQuery("SELECT payload FROM outbox WHERE routing_key = 'claim.extracted.v1' "
                + "AND payload LIKE ?1 ORDER BY created_at DESC LIMIT 1").setParameter(1, "%\"articleId\":\"" + articleId + "\"%")
                .getSingleResult();
        return JSON.readTree(payload.toString());
    }

    @Test
    void shouldRecordAFigureAgainstEveryOutletThatToldTheOtherValueNotOnlyTheFirst() throws Exception {
        String valley = "Harrowgate" + UUID.randomUUID().toString().substring(0, 6);
        UUID wire = UUID.randomUUID(), paper = UUID.randomUUID(), radio = UUID.randomUUID();
        ingest(wire, 1, "Wire", "A mudslide in the " + valley + " valley buried a bus and killed 23 passengers, the county coroner said.", null);
        ingest(paper, 1, "Paper", "Twenty-three passengers died when a mudslide buried their bus in the " + valley + " valley.", null);
        ingest(radio, 1, "Radio", "The mudslide that buried a bus in the " + valley + " valley killed 32 passengers, rescuers said.", null);
        Claim differing = figure(radio, 32);
        assertEquals(figure(wire, 23).clusterId, differing.clusterId);
        assertEquals(figure(paper, 23).clusterId, differing.clusterId);
        List<List<String>> conflicts = givenToken(EDITOR).get("/api/clusters/" + differing.clusterId).then().statusCode(200)
                .extract().jsonPath().getList("conflicts.claimIds");
        for (UUID agreeing : List.of(wire, paper)) {
            String id = figure(agreeing, 23).id.toString();
            assertTrue(conflicts.stream().anyMatch(ids -> ids.containsAll(List.of(id, differing.id.toString()))),
                    "32 against the 23 of " + agreeing + ": " + conflicts);
        }
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
    void shouldPutOneClaimToldByTwoArticlesArrivingTogetherIntoOneCluster() throws Exception {
        // claims-service takes articles with two consumers: each pair is extracted side by side
        for (int pair = 0; pair < 5; pair++) {
            String harbour = "Tervik" + UUID.randomUUID().toString().substring(0, 6);
            UUID wire = UUID.randomUUID();
            UUID paper = UUID.randomUUID();
            publish(new Revision(wire, 1, "Wire", "The port authority said 212 containers fell overboard near " + harbour
                            + " during the storm on Friday."),
                    new Revision(paper, 1, "Paper", "During Friday's storm, 212 containers fell overboard near " + harbour
                            + ", the port authority said."));
            awaitReceived(wire, 1);
            awaitReceived(paper, 1);
            assertEquals(figure(wire, 212).clusterId, figure(paper, 212).clusterId, "pair " + pair + " in one cluster");
        }
    }

    @Test
    void shouldPlaceOnlyTheLatestRevisionOfAnArticleWhoseRevisionsArriveTogetherOrOutOfOrder() throws Exception {
        String town = "Lindvik" + UUID.randomUUID().toString().substring(0, 6);
        String first = "Engineers reopened the bridge at " + town + " on Sunday. The works cost 48 million euros, the ministry said.";
        String second = "Engineers reopened the bridge at " + town + " on Sunday. The works cost 51 million euros, the ministry said.";
        try (Broker broker = Broker.connect()) {
            String tap = broker.channel.queueDeclare("", false, true, true, null).getQueue();
            broker.channel.queueBind(tap, "claims", "claim.extracted.v1");
            UUID late = UUID.randomUUID();
            publish(new Revision(late, 2, "Wire", second));
            awaitReceived(late, 2);
            publish(new Revision(late, 1, "Wire", first));
            awaitReceived(late, 1);
            assertEquals("SUPERSEDED", ReceivedArticle.<ReceivedArticle>findById(new ReceivedArticle.Key(late, 1)).extractionStatus);
            assertEquals(0, Claim.count("articleId = ?1 and revision = 1", late), "no claims of the older revision");
            Thread.sleep(1000);
            List<Integer> announced = new ArrayList<>();
            for (GetResponse got = broker.channel.basicGet(tap, true); got != null; got = broker.channel.basicGet(tap, true)) {
                JsonNode event = JSON.readTree(got.getBody());
                if (event.get("articleId").asText().equals(late.toString())) {
                    announced.add(event.get("revision").asInt());
                }
            }
            assertEquals(List.of(2), announced, "only the later revision announced");
        }

        for (int i = 0; i < 5; i++) {
            UUID article = UUID.randomUUID();
            publish(new Revision(article, 1, "Outlet " + i, first), new Revision(article, 2, "Outlet " + i, second));
            awaitReceived(article, 1);
            awaitReceived(article, 2);
            assertEquals(0, candidateKeys(article, 1), "the older revision's claims are no candidates");
            assertTrue(candidateKeys(article, 2) > 0, "the latest revision's claims are");
            givenToken(REVIEWER).queryParam("articleId", article.toString()).get("/api/claims").then().statusCode(200)
                    .body("items.revision", everyItem(equalTo(2)))
                    .body("items.quantity.value", hasItem(51000000.0f));
        }
    }

    private static long candidateKeys(UUID articleId, int revision) {
        return ((Number) Claim.getEntityManager().createNativeQuery("SELECT count(*) FROM claim_key ck JOIN claim c "
                        + "ON c.id = ck.claim_id WHERE c.article_id = ?1 AND c.revision = ?2")
                .setParameter(1, articleId).setParameter(2, revision).getSingleResult()).longValue();
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
