package dev.claimdesk.commons.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The dedup record of every consumer: a message id is claimed once, in the transaction that applies it. */
@ApplicationScoped
public class ProcessedMessages {

    private final AgroalDataSource dataSource;

    ProcessedMessages(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return true the first time {@code consumer} sees {@code messageId}; a concurrent twin waits, then gets false */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, String messageId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO processed_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, messageId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Dedup record failed", e);
        }
    }

    /**
     * Claims many message ids in one statement, in sorted order so that two instances claiming overlapping sets
     * wait on each other rather than deadlock.
     * @return the ids {@code consumer} sees for the first time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claimAll(String consumer, Collection<String> messageIds) {
        String[] sorted = messageIds.stream().distinct().sorted().toArray(String[]::new);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO processed_message (consumer, message_id) SELECT ?, id FROM unnest(?::text[]) WITH ORDINALITY AS m(id, n)"
                             + " ORDER BY n ON CONFLICT DO NOTHING RETURNING message_id")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", sorted));
            Set<String> fresh = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("Dedup record failed", e);
        }
    }
}
