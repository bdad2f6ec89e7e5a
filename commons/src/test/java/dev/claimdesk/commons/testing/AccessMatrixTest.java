package dev.claimdesk.commons.testing;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the service's table in docs/security.md over real HTTP: every endpoint with no token and with a
 * token of each role, compared cell by cell. A cell is {@code ✓} (let through: anything but 401 and 403),
 * {@code 401} or {@code 403}. The table must also list every endpoint the service's OpenAPI document has,
 * so a new endpoint without a row fails here. Runs with the prod profile's rules for metrics and OpenAPI.
 */
public abstract class AccessMatrixTest {

    static final List<String> COLUMNS = List.of("anonymous", "reviewer", "editor", "admin", "ingest");

    /** The heading of this service's section in docs/security.md. */
    protected abstract String service();

    record Row(String method, String path, Map<String, String> expected) {
        String endpoint() {
            return method + " " + path;
        }
    }

    @Test
    void shouldAnswerEveryCellOfTheAccessMatrix() throws IOException {
        List<Row> rows = matrix();
        assertTrue(!rows.isEmpty(), "docs/security.md has no table for " + service());
        List<String> differences = new ArrayList<>();
        for (Row row : rows) {
            for (String column : COLUMNS) {
                String expected = row.expected().get(column);
                int status = call(row, column).statusCode();
                boolean matches = switch (expected) {
                    case "✓" -> status != 401 && status != 403;
                    case "401" -> status == 401;
                    case "403" -> status == 403;
                    default -> throw new IllegalStateException("Unknown cell '" + expected + "' in " + row.endpoint());
                };
                if (!matches) {
                    differences.add(row.endpoint() + " as " + column + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertEquals(List.of(), differences, "cells that differ from docs/security.md");
    }

    @Test
    void shouldListEveryEndpointOfTheServiceInTheMatrix() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Row row : matrix()) {
            documented.add(row.endpoint());
        }
        Map<String, Map<String, Object>> paths = Tokens.givenToken("admin").accept(ContentType.JSON).get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> served = new TreeSet<>();
        if (paths != null) {
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> served.add(m.toUpperCase() + " " + path)));
        }
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "endpoints served but missing from docs/security.md");
    }

    private Response call(Row row, String column) {
        RequestSpecification request = column.equals("anonymous") ? given()
                : Tokens.givenToken(column);
        String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (Set.of("POST", "PUT", "PATCH").contains(row.method())) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.redirects().follow(false).request(Method.valueOf(row.method()), path);
    }

    List<Row> matrix() throws IOException {
        List<String> lines = Files.readAllLines(securityDoc());
        List<Row> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).trim().equals(service());
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length != COLUMNS.size() + 2) {
                continue;
            }
            String endpoint = cells[1].trim().replace("`", "");
            int space = endpoint.indexOf(' ');
            Map<String, String> expected = new java.util.HashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                expected.put(COLUMNS.get(i), cells[i + 2].trim());
            }
            rows.add(new Row(endpoint.substring(0, space), endpoint.substring(space + 1).trim(), expected));
        }
        return rows;
    }

    private static Path securityDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/security.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/security.md");
    }
}
