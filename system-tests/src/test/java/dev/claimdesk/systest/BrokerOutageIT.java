package dev.claimdesk.systest;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.claimdesk.commons.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cuts ingest-service's broker connection (through a proxy of its own, so nothing else is disturbed):
 * articles accepted meanwhile wait in the outbox and are published once, each, when the broker is back.
 */
class BrokerOutageIT {

    private static final int ACCEPTED_DURING_OUTAGE = 25;

    @Test
    void shouldPublishArticlesAcceptedWhileTheBrokerWasAwayOnceItIsBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy(Env.rabbitHost(), Env.rabbitPort());
             ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest",
                     Map.of("RABBITMQ_HOST", "127.0.0.1", "RABBITMQ_PORT", String.valueOf(proxy.port()),
                             "CLAIMDESK_MESSAGING_BROKER_HEARTBEAT_SECONDS", "2",
                             "CLAIMDESK_MESSAGING_BROKER_RECOVERY_INTERVAL", "PT1S"));
             EventTap tap = new EventTap("articles", "article.ingested.v1")) {

            String before = post(ingest, "before the outage");
            assertNotNull(tap.next(Duration.ofSeconds(10), e -> before.equals(e.body().path("articleId").asText())),
                    "published while the broker is reachable");

            proxy.cut();
            ingest.awaitReadiness("DOWN", Duration.ofSeconds(15));
            Set<String> accepted = new HashSet<>();
            for (int i = 0; i < ACCEPTED_DURING_OUTAGE; i++) {
                accepted.add(post(ingest, "during the outage " + i));
            }
            assertNull(tap.next(Duration.ofSeconds(2)), "nothing can be published while the broker is away");

            proxy.restore();
            ingest.awaitReady(Duration.ofSeconds(30));
            List<EventTap.Event> events = tap.drain(Duration.ofSeconds(5));
            List<String> published = events.stream().map(e -> e.body().get("articleId").asText()).toList();
            assertEquals(accepted, new HashSet<>(published), "every accepted article is published");
            assertEquals(published.size(), published.stream().collect(Collectors.toSet()).size(), "none twice");
        }
    }

    private static String post(ServiceProcess ingest, String what) {
        String marker = UUID.randomUUID().toString();
        return given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest")).contentType(ContentType.JSON)
                .body(Map.of("title", "Outage " + what, "outlet", "Outage Wire " + marker, "url", "https://outage.example/" + marker,
                        "body", "Rescuers in " + marker + " said 12 people were saved " + what + ".\n\nThe " + marker
                                + " mayor told reporters the shelter " + UUID.randomUUID() + " was full."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }
}
