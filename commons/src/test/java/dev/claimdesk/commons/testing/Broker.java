package dev.claimdesk.commons.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
