package dev.claimdesk.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL and a RabbitMQ of the fault suite's own: initdb in a temporary folder, and a RabbitMQ node with its
 * own name, ports and data folder, both on loopback ports nobody else uses. Faults are injected here, so the
 * machine's shared servers and a suite started by run.sh are never disturbed.
 */
final class Sandbox implements AutoCloseable {

    private static final Path PG_BIN = pgBin();

    final Path root;
    final int pgPort;
    final int brokerPort;
    final String node;
    private final String brokerPassword = java.util.UUID.randomUUID().toString();

    private Sandbox(Path root, int pgPort, int brokerPort, String node) {
        this.root = root;
        this.pgPort = pgPort;
        this.brokerPort = brokerPort;
        this.node = node;
    }

    static Sandbox start() throws Exception {
        Path root = Files.createTempDirectory("claimdesk-faults-");
        // PostgreSQL and RabbitMQ run as their own users: they must reach their folders inside
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int pg = ServiceProcess.freePort();
        int broker = ServiceProcess.freePort();
        Sandbox sandbox = new Sandbox(root, pg, broker, "claimdesk-faults-" + broker + "@localhost");
        try {
            sandbox.initPostgres();
            sandbox.startPostgres();
            sandbox.startBroker();
        } catch (Exception e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    // ---- PostgreSQL

    private void initPostgres() throws Exception {
        Path data = root.resolve("pg");
        run(List.of("chown", "postgres", root.toString()));
        asPostgres(PG_BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-sync");
    }

    void startPostgres() throws Exception {
        asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", root.resolve("pg").toString(), "-w", "-t", "60", "-l",
                root.resolve("pg.log").toString(), "-o", "-p " + pgPort + " -k " + root + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops PostgreSQL as a crash would: no checkpoint, connections cut. */
    void stopPostgres() throws Exception {
        asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", root.resolve("pg").toString(), "-m", "immediate", "-w", "stop");
    }

    void createDatabase(String name) throws Exception {
        run(List.of(PG_BIN.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres", name));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /** One SQL answer as text (psql -At), for counting what a database holds. */
    String sql(String database, String query) throws Exception {
        return run(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres", "-d", database, "-At",
                "-v", "ON_ERROR_STOP=1", "-c", query)).strip();
    }

    // ---- RabbitMQ

    void startBroker() throws Exception {
        Path base = root.resolve("rabbitmq");
        Files.createDirectories(base);
        Files.writeString(base.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:" + brokerPort + "\n");
        Files.writeString(base.resolve("enabled_plugins"), "[].\n");
        Files.writeString(base.resolve("env.conf"), "NODENAME=" + node + "\nERL_EPMD_ADDRESS=127.0.0.1\n"
                + "export ERL_FLAGS=\"-kernel inet_dist_use_interface {127,0,0,1}\"\n");
        run(List.of("chown", "-R", "rabbitmq:rabbitmq", base.toString()));
        ProcessBuilder server = new ProcessBuilder("rabbitmq-server", "-detached").directory(base.toFile());
        server.environment().putAll(Map.of("RABBITMQ_CONF_ENV_FILE", base.resolve("env.conf").toString(),
                "RABBITMQ_NODENAME", node, "RABBITMQ_DIST_PORT", String.valueOf(ServiceProcess.freePort()),
                "RABBITMQ_CONFIG_FILE", base.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", base.resolve("enabled_plugins").toString(),
                "RABBITMQ_MNESIA_BASE", base.resolve("mnesia").toString(), "RABBITMQ_LOG_BASE", base.resolve("log").toString(),
                "RABBITMQ_PID_FILE", base.resolve("pid").toString()));
        run(server);
        // the detached node registers with epmd a moment later; until then rabbitmqctl cannot reach it at all
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                rabbitmqctl("await_startup", "--timeout", "60");
                break;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
        if (!rabbitmqctl("list_users", "-q").contains("claimdesk-faults")) {
            rabbitmqctl("add_vhost", "claimdesk-faults");
            rabbitmqctl("add_user", "claimdesk-faults", brokerPassword);
            rabbitmqctl("set_permissions", "-p", "claimdesk-faults", "claimdesk-faults", ".*", ".*", ".*");
        }
    }

    /** Stops the node; {@link #startBroker} brings it back with everything it had on disk. */
    void stopBroker() throws Exception {
        rabbitmqctl("stop");
    }

    /** What a service needs to run against this sandbox, as ServiceProcess overrides. */
    Map<String, String> service(String database) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database), "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "RABBITMQ_HOST", "127.0.0.1", "RABBITMQ_PORT", String.valueOf(brokerPort), "RABBITMQ_USERNAME", "claimdesk-faults",
                "RABBITMQ_PASSWORD", brokerPassword, "RABBITMQ_VIRTUAL_HOST", "claimdesk-faults");
    }

    com.rabbitmq.client.Connection broker(String name) throws Exception {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(brokerPort);
        factory.setVirtualHost("claimdesk-faults");
        factory.setUsername("claimdesk-faults");
        factory.setPassword(brokerPassword);
        return factory.newConnection(name);
    }

    String rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-n", node));
        command.addAll(List.of(args));
        return run(command);
    }

    @Override
    public void close() {
        try {
            rabbitmqctl("stop");
        } catch (Exception ignored) {
            // not running
        }
        try {
            stopPostgres();
        } catch (Exception ignored) {
            // not running
        }
        try {
            run(List.of("rm", "-rf", root.toString()));
        } catch (Exception ignored) {
            // left in the temporary folder
        }
    }

    private void asPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full);
    }

    private static String run(List<String> command) throws Exception {
        return run(new ProcessBuilder(command));
    }

    /** Runs a command to its end, within two minutes; its output, or an exception with it. */
    private static String run(ProcessBuilder builder) throws Exception {
        Path out = Files.createTempFile("sandbox", ".out");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not finish in 120 s");
            }
            String output = Files.readString(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command() + " exited " + process.exitValue() + ": " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path pgBin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted().reduce((a, b) -> b).orElseThrow().resolve("bin");
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's binaries are not under /usr/lib/postgresql", e);
        }
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
