package org.openapheresis.server.session;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Whether a nurse is on the unit's rota for a session booked by hand: the sessions' own check, beside the machine's
 * out-of-service check. The rota is kept by the week's planner (its feature implements this and registers it with
 * {@link SessionService#checkNursesWith}); a unit that records no shift for the session's day keeps no rota that day,
 * and every nurse may be booked.
 */
@FunctionalInterface
public interface NurseRota {

    /** No rota: every nurse may be booked at any time (until the planner registers the unit's). */
    NurseRota NONE = (h, nurse, from, to) -> Optional.empty();

    /**
     * Why the nurse cannot run a session from {@code from} to {@code to}, or empty when they can: the unit records no
     * shift of any nurse for the day(s) of the session, or the nurse's shifts cover all of it.
     */
    Optional<OffShift> offShift(Handle h, String nurse, Instant from, Instant to);

    /**
     * A nurse booked outside their shifts.
     *
     * @param minutesOff minutes of the session outside the nurse's shifts
     * @param shifts the nurse's shifts that day, in the unit's time ({@code 07:30–15:30}), or {@code none}
     */
    record OffShift(int minutesOff, String shifts) {
    }
}
