package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests the Quarkus Kubernetes extension wrote at package time, as ops would apply them: a
 * Deployment probed on the health endpoints, its settings from the shared ConfigMap and its credentials from a Secret
 * of its own (no value in the manifest), migrations in a Job of their own so replicas never race on them.
 */
class KubernetesManifestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"ingest-service, 8081, 1", "claims-service, 8082, 2", "review-service, 8083, 2", "web-ui, 8080, 1"})
    void shouldDescribeEachServiceAsADeploymentProbedOnItsHealthWithCredentialsFromItsSecret(String service, int port, int replicas)
            throws Exception {
        Path manifest = Path.of("..", service, "target", "kubernetes", "kubernetes.json");
        assertTrue(Files.exists(manifest), manifest + " is written by ./mvnw package");
        JsonNode items = JSON.readTree(manifest.toFile());
        JsonNode deployment = kind(items, "Deployment");
        assertEquals(replicas, deployment.at("/spec/replicas").asInt());
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(port, container.at("/ports/0/containerPort").asInt());
        List<String> from = new ArrayList<>();
        container.get("envFrom").forEach(e -> from.add(e.has("secretRef") ? "secret:" + e.at("/secretRef/name").asText()
                : "configmap:" + e.at("/configMapRef/name").asText()));
        assertEquals(java.util.Set.of("secret:" + service, "configmap:claimdesk"), new java.util.HashSet<>(from));
        container.get("env").forEach(e -> assertFalse(e.get("name").asText().matches(".*(PASSWORD|SECRET|KEY).*"),
                "no credential in the manifest: " + e));
        assertNotNull(kind(items, "Service"));
        JsonNode migrations = kind(items, "Job");
        assertEquals("true", env(migrations.at("/spec/template/spec/containers/0"), "QUARKUS_FLYWAY_ACTIVE"));
        assertEquals("false", env(container, "QUARKUS_FLYWAY_ACTIVE"), "the replicas leave migrations to the Job");
    }

    private static JsonNode kind(JsonNode items, String kind) {
        for (JsonNode item : items) {
            if (kind.equals(item.get("kind").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " in the manifest");
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.get("env")) {
            if (name.equals(e.get("name").asText())) {
                return e.get("value").asText();
            }
        }
        return null;
    }
}
