package org.openapheresis.server.resource;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A time a machine may not run (servicing, repair, awaiting a part): no session is booked on it then, by hand or by
 * the week's planner. Taking it back early cancels the period; the row is kept.
 *
 * @param id id
 * @param machineId the machine
 * @param machineName its name, as staff read it
 * @param from first instant out of service
 * @param to the instant it is back in service
 * @param reason why, in the words of whoever recorded it
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 * @param cancelledAt when the period was cancelled, if it was
 * @param cancelledBy who cancelled it
 */
public record OutOfServicePeriod(String id, String machineId, String machineName, Instant from, Instant to, String reason,
        Instant createdAt, String createdBy, Optional<Instant> cancelledAt, Optional<String> cancelledBy) {

    public OutOfServicePeriod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
    }
}
