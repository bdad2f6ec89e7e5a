package dev.claimdesk.systest.bench;

import com.rabbitmq.client.ConnectionFactory;

/** The benchmarks' broker: the CLAIMDESK_TEST_RABBITMQ_* variables bench.sh sets. */
final class BenchBroker {

    private BenchBroker() {
    }

    static ConnectionFactory fromEnvironment() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv("CLAIMDESK_TEST_RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(System.getenv("CLAIMDESK_TEST_RABBITMQ_PORT")));
        factory.setUsername(System.getenv("CLAIMDESK_TEST_RABBITMQ_USER"));
        factory.setPassword(System.getenv("CLAIMDESK_TEST_RABBITMQ_PASSWORD"));
        factory.setVirtualHost(System.getenv("CLAIMDESK_TEST_RABBITMQ_VHOST"));
        return factory;
    }
}
