package org.openapheresis.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.json.Json;

/**
 * A separator runs one procedure at a time. A session occupies its machine from its planned start for the
 * planned run time (the plan's {@code durationMin}) plus set-up and rinseback; scheduling or moving a session
 * onto a machine that is already occupied then is refused with 409, naming the session in the way.
 */
public final class MachineBookings {

    /**
     * Time a machine is taken beyond the planned separation time: priming, connection, rinseback and
     * disconnection. A unit default for scheduling, not a clinical value: the plan's run time excludes it
     * (contract plan-v1, {@code durationMin}).
     */
    public static final Duration SET_UP_AND_RINSEBACK = Duration.ofMinutes(30);

    /** Longest a session can run (Spectra Optia run time range up to 480 min) plus set-up, for the search window. */
    static final Duration LONGEST_BOOKING = Duration.ofMinutes(480).plus(SET_UP_AND_RINSEBACK);

    private MachineBookings() {
    }

    /** How long a session with this plan occupies its machine. */
    public static Duration occupies(double planDurationMin) {
        return Duration.ofSeconds(Math.round(planDurationMin * 60)).plus(SET_UP_AND_RINSEBACK);
    }

    /**
     * Refuses a booking that overlaps another scheduled or running session on the same machine.
     *
     * @param machine the machine, or null for none yet (nothing to check)
     * @param start planned start
     * @param planDurationMin the plan's run time, minutes
     * @param excludeSessionId the session being moved (not a conflict with itself), or null
     */
    static void requireFree(Handle h, String machine, Instant start, double planDurationMin, String excludeSessionId,
            ZoneId zone) {
        if (machine == null || machine.isBlank()) {
            return;
        }
        Instant end = start.plus(occupies(planDurationMin));
        List<Booking> nearby = h.createQuery("SELECT s.id, s.planned_start, s.plan_json, p.family_name, p.given_name "
                + "FROM treatment_session s JOIN patient p ON p.id = s.patient_id WHERE s.machine = :machine "
                + "AND s.status IN (:scheduled, :running) AND s.planned_start > :from AND s.planned_start < :to "
                + "AND s.id <> :exclude")
                .bind("machine", machine).bind("scheduled", SessionRecord.SCHEDULED)
                .bind("running", SessionRecord.IN_PROGRESS)
                .bind("from", Times.toDb(start.minus(LONGEST_BOOKING))).bind("to", Times.toDb(end))
                .bind("exclude", excludeSessionId == null ? "" : excludeSessionId)
                .map((rs, ctx) -> new Booking(rs.getString(1), Times.fromDb(rs.getObject(2, java.time.LocalDateTime.class)),
                        durationMin(rs.getString(3)), rs.getString(4) + ", " + rs.getString(5)))
                .list();
        for (Booking b : nearby) {
            Instant bEnd = b.start().plus(occupies(b.durationMin()));
            if (b.start().isBefore(end) && start.isBefore(bEnd)) {
                DateTimeFormatter t = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(zone);
                throw HttpProblem.conflict("machine " + machine + " is booked from " + t.format(b.start()) + " to "
                        + t.format(bEnd) + " (session " + b.id() + ", " + b.patient() + ", run time and "
                        + SET_UP_AND_RINSEBACK.toMinutes() + " min set-up and rinseback); choose another time or machine");
            }
        }
    }

    static double durationMin(String planJson) {
        try {
            JsonNode d = Json.mapper().readTree(planJson).get("durationMin");
            return d == null ? 0 : d.asDouble();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored plan is not JSON", e);
        }
    }

    private record Booking(String id, Instant start, double durationMin, String patient) {
    }
}
