package org.openapheresis.server.schedule;

import java.util.Objects;

/**
 * Where a session already booked stands before the plan moves it: its start and the resources it holds (each null
 * when the booking gave none). A plan that changes any of them moves the session.
 *
 * @param sessionId the booked session
 * @param version the session's version when the problem was read (its move is made on that version)
 * @param startMinute its planned start, minutes after the plan's origin
 * @param machine its separator, or null
 * @param chair its chair, or null
 * @param nurse its nurse, or null
 */
public record Booking(String sessionId, int version, int startMinute, UnitMachine machine, UnitChair chair,
        UnitNurse nurse) {

    public Booking {
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
