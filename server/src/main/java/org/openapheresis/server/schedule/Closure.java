package org.openapheresis.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A day the unit is closed whatever the day of the week (a public holiday, a move): nothing is planned on it.
 * Cancelling one keeps its row.
 *
 * @param id id
 * @param day the day
 * @param reason why, as the unit writes it
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 * @param cancelledAt when it was cancelled, if it was
 * @param cancelledBy who cancelled it
 */
public record Closure(String id, LocalDate day, String reason, Instant createdAt, String createdBy,
        Optional<Instant> cancelledAt, Optional<String> cancelledBy) {

    public Closure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
    }
}
