package dev.claimdesk.commons.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;

/** A test's own connection to the broker the service under test uses (the local one, or Dev Services'). */
public final class Broker implements AutoCloseable {

    private final Connection connection;
    public final Channel channel;

    private Broker(Connection connection) throws Exception {
        this.connection = connection;
        this.channel = connection.createChannel();
    }

    public static Broker connect() throws Exception {
        Config config = ConfigProvider.getConfig();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.getOptionalValue("rabbitmq-host", String.class).orElse("localhost"));
        factory.setPort(config.getOptionalValue("rabbitmq-port", Integer.class).orElse(5672));
        factory.setVirtualHost(config.getOptionalValue("rabbitmq-virtual-host", String.class).orElse("/"));
        config.getOptionalValue("rabbitmq-username", String.class).ifPresent(factory::setUsername);
        config.getOptionalValue("rabbitmq-password", String.class).ifPresent(factory::setPassword);
        return new Broker(factory.newConnection("test"));
    }

    /** Publishes a persistent JSON event as the contract wants it (message-id, type header) and waits for the confirm. */
    public void publish(String exchange, String routingKey, String messageId, byte[] body) throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, true, new AMQP.BasicProperties.Builder()
                .messageId(messageId).contentType("application/json").deliveryMode(2)
                .headers(java.util.Map.of("type", routingKey)).build(), body);
        channel.waitForConfirmsOrDie(5000);
    }

    /** The message with this id from a queue (others taken on the way are dropped), or null after the timeout. */
    public GetResponse awaitMessage(String queue, String messageId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            GetResponse candidate = channel.basicGet(queue, true);
            if (candidate == null) {
                Thread.sleep(50);
            } else if (messageId.equals(candidate.getProps().getMessageId())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The first message on {@code queue} whose JSON body {@code wanted} accepts (others taken on the way are
     * dropped), or null after the timeout.
     */
    public GetResponse awaitJson(String queue, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> wanted,
                                 Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            GetResponse candidate = channel.basicGet(queue, true);
            if (candidate == null) {
                Thread.sleep(50);
            } else if (wanted.test(JSON.readTree(candidate.getBody()))) {
                return candidate;
            }
        }
        return null;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
