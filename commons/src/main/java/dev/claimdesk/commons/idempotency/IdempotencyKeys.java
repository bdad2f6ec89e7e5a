package dev.claimdesk.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.text.Digests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The contract's {@code Idempotency-Key}: a write sent again with the same key and body gets the first
 * answer replayed, with no second effect; the same key with another body is refused. Requests with one
 * key are serialised by an advisory lock held until the answer is stored.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Runs {@code write} once per key: the first time its response is stored; later the stored one is replayed.
     * Without a key, simply runs it. {@code write} makes its own transaction; a crash between its commit and
     * the key's leaves the key unstored, so the write must itself be safe to repeat (ingest is, by url).
     */
    public Response once(String scope, String key, byte[] requestBody, Supplier<Response> write) {
        if (key == null || key.isBlank()) {
            return write.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = Digests.sha256Hex(requestBody);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AdvisoryLock.acquire(connection, "idempotency:" + scope + ":" + key);
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT request_hash, status, body, location FROM idempotency_key WHERE scope = ? AND key = ?")) {
                    find.setString(1, scope);
                    find.setString(2, key);
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            if (!rs.getString(1).equals(hash)) {
                                throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                                        "This Idempotency-Key was sent before with a different body");
                            }
                            Response.ResponseBuilder replay = Response.status(rs.getInt(2)).type(MediaType.APPLICATION_JSON)
                                    .entity(rs.getString(3)).header("Idempotent-Replayed", "true");
                            if (rs.getString(4) != null) {
                                replay.header("Location", rs.getString(4));
                            }
                            return replay.build();
                        }
                    }
                }
                Response response = write.get();
                if (response.getStatus() < 500) {
                    remember(connection, scope, key, hash, response);
                }
                return response;
            }
        });
    }

    private void remember(Connection connection, String scope, String key, String hash, Response response)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_key (scope, key, request_hash, status, body, location) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setInt(4, response.getStatus());
            insert.setString(5, mapper.writeValueAsString(response.getEntity()));
            insert.setString(6, response.getLocation() == null ? null : response.getLocation().toString());
            insert.executeUpdate();
        }
    }

}
