package org.openapheresis.server.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.resource.Chair;
import org.openapheresis.server.resource.Machine;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;

/**
 * A separator runs one procedure at a time. A session occupies its machine from its planned start for the planned
 * run time (the plan's {@code durationMin}) plus set-up and rinseback, kept with the session as its planned end;
 * scheduling or moving a session onto a machine that is already occupied then is refused, naming the session in
 * the way.
 */
public final class MachineBookings {

    /**
     * Time a machine is taken beyond the planned separation time: priming, connection, rinseback and
     * disconnection. A unit default for scheduling, not a clinical value: the plan's run time excludes it
     * (contract plan-v1, {@code durationMin}).
     */
    public static final Duration SET_UP_AND_RINSEBACK = Duration.ofMinutes(30);

    private final SessionStore store;
    private final ZoneId zone;

    MachineBookings(SessionStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** How long a session with this plan occupies its machine. */
    public static Duration occupies(double planDurationMin) {
        return Duration.ofSeconds(Math.round(planDurationMin * 60)).plus(SET_UP_AND_RINSEBACK);
    }

    /**
     * Refuses a booking that overlaps another scheduled or running session on the same machine or chair. The
     * caller holds the resources' row locks (taken when they were resolved), so no other booking of them is
     * checked until this transaction ends: across server processes, a slot is given once.
     *
     * @param machine the machine, when the session is on one
     * @param chair the chair, when the session has one
     * @param start planned start
     * @param end planned end (start, run time, set-up and rinseback)
     * @param exceptSessionId the session being moved (not a conflict with itself), or null
     */
    void requireFree(Handle h, Optional<Machine> machine, Optional<Chair> chair, Instant start, Instant end,
            String exceptSessionId) {
        DateTimeFormatter t = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(zone);
        machine.ifPresent(m -> store.overlapping(h, SessionStore.Resource.MACHINE, m.id(), start, end, exceptSessionId)
                .ifPresent(b -> {
                    throw DomainException.of(Refusal.MACHINE_BOOKED, m.name(), t.format(b.start()), t.format(b.end()),
                            b.id(), b.patientName(), SET_UP_AND_RINSEBACK.toMinutes());
                }));
        chair.ifPresent(c -> store.overlapping(h, SessionStore.Resource.CHAIR, c.id(), start, end, exceptSessionId)
                .ifPresent(b -> {
                    throw DomainException.of(Refusal.CHAIR_BOOKED, c.name(), t.format(b.start()), t.format(b.end()),
                            b.id(), b.patientName());
                }));
    }
}
