package dev.claimdesk.systest;

import dev.claimdesk.commons.testing.TestIdentity;

/** The servers test.sh prepared for this run: PostgreSQL databases and a RabbitMQ virtual host of the tests' own. */
final class Env {

    private Env() {
    }

    static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the system tests through ./test.sh");
        }
        return value;
    }

    /** web-ui's first admin in the system tests' database. */
    static final String ADMIN = TestIdentity.ADMIN_USERNAME;

    static String adminPassword() {
        return TestIdentity.adminPassword();
    }

    /** The base64 body of the test run's PEM key ({@link TestIdentity#PUBLIC_KEY} or PRIVATE_KEY), on one line. */
    static String pemBody(String property) {
        TestIdentity.ensure();
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty(property)))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String pg() {
        return get("CLAIMDESK_TEST_PG");
    }

    static String pgUser() {
        return get("CLAIMDESK_TEST_PG_USER");
    }

    static String rabbitHost() {
        return get("CLAIMDESK_TEST_RABBITMQ_HOST");
    }

    static int rabbitPort() {
        return Integer.parseInt(get("CLAIMDESK_TEST_RABBITMQ_PORT"));
    }

    static String rabbitUser() {
        return get("CLAIMDESK_TEST_RABBITMQ_USER");
    }

    static String rabbitPassword() {
        return get("CLAIMDESK_TEST_RABBITMQ_PASSWORD");
    }

    /** The broker user test.sh made for one service, limited to that service's exchanges and queues. */
    static String serviceBrokerUser(String module) {
        return "claimdesk-test-" + module;
    }

    static String serviceBrokerPassword(String module) {
        return get("CLAIMDESK_TEST_RABBITMQ_PASSWORD_" + module.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    static String rabbitVhost() {
        return get("CLAIMDESK_TEST_RABBITMQ_VHOST");
    }

    /** A connection to the test broker as {@code user}, for what a test itself publishes or reads. */
    static com.rabbitmq.client.Connection broker(String user, String password, String name) throws Exception {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost(rabbitHost());
        factory.setPort(rabbitPort());
        factory.setVirtualHost(rabbitVhost());
        factory.setUsername(user);
        factory.setPassword(password);
        return factory.newConnection(name);
    }

    /** A connection to the test broker as the test run's own user, allowed everything on its virtual host. */
    static com.rabbitmq.client.Connection broker(String name) throws Exception {
        return broker(rabbitUser(), rabbitPassword(), name);
    }
}
