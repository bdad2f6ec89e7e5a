package dev.claimdesk.claims.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.claims.Claim;
import dev.claimdesk.commons.testing.Broker;
import static dev.claimdesk.claims.testing.Articles.ingest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.claimdesk.commons.security.Roles.REVIEWER;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An ingested article through the real broker: its claims stored once, announced as claim.extracted.v1, listed. */
@QuarkusTest
class ClaimExtractionFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStoreAnnounceAndListTheClaimsOfAnIngestedArticle() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID articleId = UUID.randomUUID();
        String cleanText = "Floods in the north\n"
                + "Heavy rain killed at least 40 people in Dorsk on Monday, officials said.\n"
                + "“We are still searching the valley,” the regional governor said.";
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("eventId", eventId.toString()).put("occurredAt", "2022-03-29T12:00:05Z")
                .put("articleId", articleId.toString()).put("revision", 1).put("title", "Floods")
                .put("outlet", "Agency wire").put("url", "https://agency.example/" + articleId)
                .put("language", "en").put("cleanText", cleanText));
        try (Broker broker = Broker.connect()) {
            String tap = broker.channel.queueDeclare("", false, true, true, null).getQueue();
            broker.channel.queueBind(tap, "claims", "claim.extracted.v1");
            broker.channel.confirmSelect();
            for (int i = 0; i < 2; i++) {
                broker.channel.basicPublish("articles", "article.ingested.v1", true, new AMQP.BasicProperties.Builder()
                        .messageId(eventId.toString()).contentType("application/json").deliveryMode(2).build(),
                        body.getBytes(StandardCharsets.UTF_8));
            }
            broker.channel.waitForConfirmsOrDie(5000);

            JsonNode event = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (Instant.now().isBefore(deadline)) {
                GetResponse got = broker.channel.basicGet(tap, true);
                if (got != null) {
                    JsonNode candidate = JSON.readTree(got.getBody());
                    if (candidate.get("articleId").asText().equals(articleId.toString())) {
                        assertEquals("claim.extracted.v1", String.valueOf(got.getProps().getHeaders().get("type")));
                        event = candidate;
                        break;
                    }
                } else {
                    Thread.sleep(50);
                }
            }
            assertNotNull(event, "claim.extracted.v1 published");
            assertEquals(Claim.count("articleId", articleId), event.get("claims").size());
            JsonNode toll = java.util.stream.StreamSupport.stream(event.get("claims").spliterator(), false)
                    .filter(c -> c.get("type").asText().equals("STATISTIC")).findFirst().orElseThrow();
            assertEquals("casualties", toll.get("checkworthinessReasons").get(0).get("signal").asText(), toll.toString());
            assertEquals(0.25, toll.get("checkworthinessReasons").get(0).get("weight").asDouble());
            Thread.sleep(500);
            assertEquals(null, broker.channel.basicGet(tap, true), "announced once, though delivered twice");
        }

        givenToken(REVIEWER).queryParam("articleId", articleId.toString()).get("/api/claims").then().statusCode(200)
                .body("items.type", hasItem("STATISTIC"))
                .body("items.type", hasItem("QUOTE"))
                .body("items.find { it.type == 'STATISTIC' }.quantity.value", equalTo(40.0f))
                .body("items.find { it.type == 'STATISTIC' }.places", equalTo(java.util.List.of("Dorsk")))
                .body("items.find { it.type == 'STATISTIC' }.checkworthinessReasons.signal",
                        equalTo(java.util.List.of("casualties", "named place", "named source")))
                .body("items.find { it.type == 'QUOTE' }.speaker", equalTo("the regional governor"))
                .body("items.find { it.type == 'QUOTE' }.status", equalTo("PENDING"));
        String id = givenToken(REVIEWER).queryParam("articleId", articleId.toString()).get("/api/claims")
                .then().extract().path("items[0].id");
        givenToken(REVIEWER).get("/api/claims/" + id).then().statusCode(200).body("articleId", equalTo(articleId.toString()));
        givenToken(REVIEWER).get("/api/claims/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldPutTheSameClaimFromTwoOutletsIntoOneClusterAndOtherClaimsApart() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String marker = first.toString().substring(0, 8);
        ingest(first, "Wire", "The port authority said 212 containers fell overboard near Hallstatt" + marker
                + " during the storm on Friday.\nOfficials closed the harbour road for repairs on Saturday morning.");
        ingest(second, "Daily", "During Friday's storm, 212 containers fell overboard near Hallstatt" + marker
                + ", the port authority said.\nThe operator Nordline announced a new ferry timetable to Brenn on Monday.");
        Claim a = Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC'", first).firstResult();
        Claim b = Claim.<Claim>find("articleId = ?1 and type = 'STATISTIC'", second).firstResult();
        assertEquals(a.clusterId, b.clusterId, "the same figure in two outlets");
        Claim other = Claim.<Claim>find("articleId = ?1 and type <> 'STATISTIC'", second).firstResult();
        assertNotNull(other);
        org.junit.jupiter.api.Assertions.assertNotEquals(a.clusterId, other.clusterId);
    }
}
