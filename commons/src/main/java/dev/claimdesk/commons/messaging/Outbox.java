package dev.claimdesk.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes an event into the outbox inside the caller's transaction, so the event exists exactly when
 * the state change it announces does. The relay is woken once the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(AgroalDataSource dataSource, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
           OutboxRelay relay) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID eventId, String exchange, String routingKey, Object payload) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + routingKey + " cannot be serialised", e);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox (id, exchange, routing_key, payload, traceparent) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, exchange);
            insert.setString(3, routingKey);
            insert.setString(4, json);
            insert.setString(5, TraceContext.currentTraceparent());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox insert failed", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
