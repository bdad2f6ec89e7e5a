package dev.claimdesk.systest;

import dev.claimdesk.commons.testing.TestIdentity;
import io.restassured.RestAssured;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A built service jar running as its own process, as ops run it, on a free port. */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code module}'s jar with its system-test database and the test broker, plus {@code overrides}. */
    static ServiceProcess start(String module, String database, Map<String, String> overrides) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (./mvnw verify builds it)");
        }
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + Env.pg() + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", Env.pgUser());
        env.put("RABBITMQ_HOST", Env.rabbitHost());
        env.put("RABBITMQ_PORT", String.valueOf(Env.rabbitPort()));
        env.put("RABBITMQ_USERNAME", Env.serviceBrokerUser(module));
        env.put("RABBITMQ_PASSWORD", Env.serviceBrokerPassword(module));
        env.put("RABBITMQ_VIRTUAL_HOST", Env.rabbitVhost());
        // The keys' content in the environment, as docker-compose.yml passes them (run.sh passes files).
        env.put("MP_JWT_VERIFY_PUBLICKEY", Env.pemBody(TestIdentity.PUBLIC_KEY));
        if (module.equals("web-ui")) {
            env.put("SMALLRYE_JWT_SIGN_KEY", Env.pemBody(TestIdentity.PRIVATE_KEY));
            env.put("CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME", Env.ADMIN);
            env.put("CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", Env.adminPassword());
        }
        env.putAll(overrides);
        if (overrides.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            // A key given inline would win over the location the test asks for.
            env.remove("MP_JWT_VERIFY_PUBLICKEY");
        }
        Path logs = Path.of("target", "systest-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(module + "-" + port + ".log");
        // The JVM as every launcher runs it (scripts/lib.sh, service_java), with the JDK that runs the tests.
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". scripts/lib.sh && service_java \"$1\"", "_", module)
                .directory(Path.of("..").toAbsolutePath().normalize().toFile());
        Path javaHome = Path.of(System.getProperty("java.home"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("PATH", javaHome.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        // Never leave a service behind, whatever way the test run ends.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ServiceProcess service = new ServiceProcess(module, process, port, log);
        try {
            service.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Readiness as /q/health/ready reports it: UP, DOWN, or null when the service does not answer within 5 s. */
    String readiness() {
        try {
            var response = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("status").asText(null);
        } catch (IOException e) {
            // not started yet, gone, or hanging
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void awaitReady(Duration timeout) {
        awaitReadiness("UP", timeout);
    }

    void awaitReadiness(String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            if (status.equals(readiness())) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(module + " not " + status + " within " + timeout + "; see " + log);
    }

    /** The service's threads as jcmd prints them, into its log folder; the file's path. */
    Path threadDump() throws IOException, InterruptedException {
        Path dump = log.resolveSibling(module + "-" + port + "-threads.txt");
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor(30,
                java.util.concurrent.TimeUnit.SECONDS);
        return dump;
    }

    /** SIGKILL: no shutdown hook, no last commit, as a crashed host would leave it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
