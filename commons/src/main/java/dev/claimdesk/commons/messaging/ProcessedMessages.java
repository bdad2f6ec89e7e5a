package dev.claimdesk.commons.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
}
