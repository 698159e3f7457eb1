package org.openapheresis.server.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A nurse's shift on the unit's rota. When any shift is recorded for the days planned, the week's planner gives a
 * nurse sessions only inside their shifts; cancelling one keeps its row.
 *
 * @param id id
 * @param nurse the nurse's user name
 * @param from the start of the shift
 * @param to its end
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 * @param cancelledAt when it was cancelled, if it was
 * @param cancelledBy who cancelled it
 */
public record Shift(String id, String nurse, Instant from, Instant to, Instant createdAt, String createdBy,
        Optional<Instant> cancelledAt, Optional<String> cancelledBy) {

    public Shift {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nurse, "nurse");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
    }
}
