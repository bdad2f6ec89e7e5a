package dev.claimdesk.systest;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's broker user reaches only its own exchanges and queues (the other system tests show the
 * services run with them): ingest-service's user can publish articles but not read another service's queue
 * nor publish another service's events.
 */
class BrokerPermissionsIT {

    private static Connection connect(String module) throws Exception {
        return Env.broker(Env.serviceBrokerUser(module), Env.serviceBrokerPassword(module), "permissions-test");
    }

    @Test
    void shouldKeepEachServiceToItsOwnExchangesAndQueues() throws Exception {
        // The queues exist once claims-service has declared its topology.
        try (ServiceProcess claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", java.util.Map.of());
             Connection ingest = connect("ingest-service")) {
            Channel publisher = ingest.createChannel();
            publisher.confirmSelect();
            publisher.basicPublish("articles", "permissions.test", new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertDoesNotThrow(() -> publisher.waitForConfirmsOrDie(5000));

            IOException readOther = assertThrows(IOException.class,
                    () -> ingest.createChannel().basicGet("claims.article-ingested", false));
            assertTrue(String.valueOf(readOther.getCause()).contains("ACCESS_REFUSED"), String.valueOf(readOther.getCause()));

            Channel forger = ingest.createChannel();
            forger.basicPublish("verdicts", "verdict.published.v1", null, "{}".getBytes(StandardCharsets.UTF_8));
            // The broker refuses the publish by closing the channel, asynchronously.
            for (int i = 0; i < 50 && forger.isOpen(); i++) {
                Thread.sleep(100);
            }
            assertTrue(!forger.isOpen() && forger.getCloseReason().getMessage().contains("ACCESS_REFUSED"),
                    String.valueOf(forger.getCloseReason()));

            IOException deleteOther = assertThrows(IOException.class,
                    () -> ingest.createChannel().queueDelete("claims.article-ingested"));
            assertTrue(String.valueOf(deleteOther.getCause()).contains("ACCESS_REFUSED"), String.valueOf(deleteOther.getCause()));
        }
    }
}
