package dev.claimdesk.commons.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.config.MessagingConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What ops rely on in every service: health, metrics, OpenAPI, and consumer queues that are quorum
 * queues with a delivery limit and a dead-letter queue. Each service's test extends it as a @QuarkusTest.
 */
public abstract class ServiceOperabilityTest {

    @Inject
    MessagingConfig messaging;

    @Test
    void shouldAnswerLivenessAndReadinessCoveringDatabaseAndBroker() throws InterruptedException {
        // Consumers connect in the background after start; their channels report KO until connected.
        for (int i = 0; i < 150 && (given().get("/q/health/live").statusCode() != 200
                || given().get("/q/health/ready").statusCode() != 200); i++) {
            Thread.sleep(100);
        }
        given().get("/q/health/live").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("rabbitmq", "Database connections health check"));
    }

    @Test
    void shouldExposePrometheusMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("claimdesk_outbox_published_total"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldDeadLetterAMessageEachConsumerQueueKeepsFailingOn() throws Exception {
        try (Broker broker = Broker.connect()) {
            for (var entry : messaging.consumers().entrySet()) {
                String queue = entry.getKey();
                String dlq = queue + ".dlq";
                broker.channel.queuePurge(dlq);
                String id = UUID.randomUUID().toString();
                broker.channel.confirmSelect();
                broker.channel.basicPublish(entry.getValue().exchange(), entry.getValue().routingKey(), true,
                        new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2).build(),
                        "poison".getBytes(StandardCharsets.UTF_8));
                broker.channel.waitForConfirmsOrDie(5000);
                if (broker.channel.consumerCount(queue) == 0) {
                    // No consumer yet: the test is the consumer that keeps failing.
                    int deliveries = 0;
                    GetResponse delivery;
                    while ((delivery = poll(broker, queue, 1000)) != null) {
                        assertEquals(id, delivery.getProps().getMessageId());
                        deliveries++;
                        broker.channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
                    }
                    assertEquals(messaging.consumers().get(queue).deliveryLimit().orElse(messaging.deliveryLimit()) + 1,
                            deliveries, queue + " delivers up to its limit");
                }
                GetResponse dead = poll(broker, dlq, 10_000);
                assertNotNull(dead, queue + " dead-letters the message");
                assertEquals(id, dead.getProps().getMessageId());
                broker.channel.basicAck(dead.getEnvelope().getDeliveryTag(), false);
                assertNull(broker.channel.basicGet(queue, true));
            }
        }
    }

    @Test
    void shouldKeepAMessageNoBindingRoutesInTheUnroutableQueue() throws Exception {
        try (Broker broker = Broker.connect()) {
            java.util.List<String> returned = new java.util.concurrent.CopyOnWriteArrayList<>();
            broker.channel.addReturnListener(r -> returned.add(r.getProperties().getMessageId()));
            broker.channel.confirmSelect();
            for (String exchange : dev.claimdesk.commons.messaging.Exchanges.CONTRACT) {
                String id = UUID.randomUUID().toString();
                broker.channel.basicPublish(exchange, "nobody.binds.this." + id, true,
                        new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2).build(), new byte[0]);
                broker.channel.waitForConfirmsOrDie(5000);
                GetResponse kept = null;
                // other tests' messages may wait ahead of it there: skip them, for a bounded time
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
                while (kept == null && java.time.Instant.now().isBefore(deadline)) {
                    GetResponse candidate = broker.channel.basicGet(dev.claimdesk.commons.messaging.Exchanges.UNROUTABLE, true);
                    if (candidate != null && id.equals(candidate.getProps().getMessageId())) {
                        kept = candidate;
                    } else if (candidate == null) {
                        Thread.sleep(20);
                    }
                }
                assertNotNull(kept, exchange + " hands an unroutable message to " + dev.claimdesk.commons.messaging.Exchanges.UNROUTABLE);
            }
            assertEquals(java.util.List.of(), returned, "nothing bounced: the alternate exchange took it");
        }
    }

    private static GetResponse poll(Broker broker, String queue, long timeoutMillis) throws Exception {
        for (long i = 0; i < timeoutMillis / 20; i++) {
            GetResponse response = broker.channel.basicGet(queue, false);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        return null;
    }
}
