package dev.claimdesk.ingest.security;

import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.commons.security.SecurityAudit;
import dev.claimdesk.commons.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RefusedRequestAuditTest {

    @Inject
    SecurityAudit audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAuditRequestsRefusedForAMissingTokenOrAMissingRole() throws Exception {
        String editor = "editor-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{}").post("/api/articles").then().statusCode(401);
        given().auth().oauth2(Tokens.valid(editor, Roles.EDITOR)).contentType(ContentType.JSON).body("{}")
                .post("/api/articles").then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://claimdesk.dev/problems/forbidden"));
        given().auth().oauth2(Tokens.builder().subject(editor).roles(Roles.ADMIN).signedWith(Tokens.strangerKey()).sign())
                .get("/api/articles").then().statusCode(401);
        audit.flush();

        List<String> forEditor = rows("SELECT action || ' ' || outcome || ' ' || target || ' ' || address FROM security_audit WHERE actor = ?", editor);
        assertEquals(List.of("request.authorize refused: role missing POST /api/articles 127.0.0.1"), forEditor);
        List<String> anonymous = rows("SELECT action || ' ' || outcome FROM security_audit WHERE actor IS NULL AND target = ? AND at > now() - interval '1 minute'",
                "POST /api/articles");
        assertTrue(anonymous.contains("request.authorize refused: not authenticated"), anonymous.toString());
        List<String> badToken = rows("SELECT action || ' ' || outcome FROM security_audit WHERE target = ? AND at > now() - interval '1 minute'",
                "GET /api/articles");
        assertTrue(badToken.contains("request.authenticate refused: invalid credentials"), badToken.toString());
    }

    @Test
    void shouldHaveWrittenEveryQueuedLineWhenFlushReturns() throws Exception {
        String actor = "flush-" + UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            audit.recordLater(new AuditEntry(actor, "request.authorize", "line " + i, "refused: role missing", "127.0.0.1", null));
            audit.flush();
            assertEquals(List.of("line " + i), rows("SELECT target FROM security_audit WHERE actor = ? ORDER BY id DESC LIMIT 1", actor));
        }
    }

    @Test
    void shouldRefuseToUpdateOrDeleteAuditLines() throws Exception {
        given().get("/api/articles").then().statusCode(401);
        audit.flush();
        try (Connection connection = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("UPDATE security_audit SET actor = 'nobody'"));
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("DELETE FROM security_audit"));
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("TRUNCATE security_audit"));
        }
        assertTrue(!rows("SELECT actor FROM security_audit WHERE target = ?", "GET /api/articles").isEmpty());
    }

    private List<String> rows(String sql, String parameter) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
