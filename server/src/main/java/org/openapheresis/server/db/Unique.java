package org.openapheresis.server.db;

import java.sql.SQLException;

/**
 * Unique constraints as the last word on a race: two requests that both checked "not taken" and both insert get
 * one success and one unique violation, which the store turns into the field's problem rather than a 500.
 */
public final class Unique {

    /** SQLSTATE of a unique violation, the same on PostgreSQL and H2. */
    static final String UNIQUE_VIOLATION = "23505";

    private Unique() {
    }

    /** True when the failure (or one of its causes) is a unique-constraint violation. */
    public static boolean isViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
