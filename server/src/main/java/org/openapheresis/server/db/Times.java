package org.openapheresis.server.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times in the database are UTC instants stored as {@code TIMESTAMP} at millisecond precision (the same on H2
 * and PostgreSQL, so hashes over them are stable).
 */
public final class Times {

    private Times() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDateTime toDb(Instant t) {
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
