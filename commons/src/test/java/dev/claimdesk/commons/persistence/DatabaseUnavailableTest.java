package dev.claimdesk.commons.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    @Test
    void shouldTakeAConnectionFailureDeepInTheChainForAnOutage() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException("Dedup record failed",
                new RuntimeException("wrapped", refused))));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool")));
    }

    @Test
    void shouldFindAnOutageInASuppressedFailure() {
        var rollback = new IllegalStateException("Could not commit transaction");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseUnavailable.causes(rollback));
    }

    @Test
    void shouldNotTakeAFailureOfTheWorkItselfForAnOutage() {
        assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.causes(new IllegalArgumentException("bad figure")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
    }
}
