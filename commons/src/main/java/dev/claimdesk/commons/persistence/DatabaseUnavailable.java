package dev.claimdesk.commons.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure says the database could not be reached (restarting, shutting down, network gone) rather than
 * that the work itself was wrong: such work succeeds unchanged once the database is back, so it is waited for, not
 * counted against a message's delivery limit nor answered as a server error.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is any connection exception. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                // Agroal's pool: no connection could be made or freed in time
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && causes(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
