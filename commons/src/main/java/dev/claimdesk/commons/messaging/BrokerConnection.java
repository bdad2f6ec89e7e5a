package dev.claimdesk.commons.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.claimdesk.commons.config.MessagingConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * One AMQP connection per service for topology and the outbox relay. It reads the same
 * {@code rabbitmq-*} properties as the SmallRye connector, so Quarkus Dev Services configure both.
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost")
    String host;
    @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672")
    int port;
    @ConfigProperty(name = "rabbitmq-username")
    Optional<String> username;
    @ConfigProperty(name = "rabbitmq-password")
    Optional<String> password;
    @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/")
    String virtualHost;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "claimdesk")
    String applicationName;

    private final MessagingConfig config;
    private volatile Connection connection;

    BrokerConnection(MessagingConfig config) {
        this.config = config;
    }

    /** Opens a channel, connecting first if needed; the connection then recovers by itself. */
    public Channel openChannel() throws IOException, TimeoutException {
        return connection().createChannel();
    }

    public boolean isOpen() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(host);
            factory.setPort(port);
            factory.setVirtualHost(virtualHost);
            username.ifPresent(factory::setUsername);
            password.ifPresent(factory::setPassword);
            factory.setRequestedHeartbeat(config.broker().heartbeatSeconds());
            factory.setConnectionTimeout((int) config.broker().connectTimeout().toMillis());
            factory.setAutomaticRecoveryEnabled(true);
            factory.setTopologyRecoveryEnabled(true);
            factory.setNetworkRecoveryInterval(config.broker().recoveryInterval().toMillis());
            connection = factory.newConnection(applicationName);
            LOG.infof("Connected to RabbitMQ at %s:%d vhost %s", host, port, virtualHost);
        }
        return connection;
    }

    @PreDestroy
    void close() {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            try {
                current.close(2000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing the broker connection failed", e);
            }
        }
    }
}
