package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.session.BookingWarning;

/**
 * Hard: a session, set-up and rinseback included, lies inside the opening hours of its day (a closed day or a
 * holiday has none). Penalised by the minutes outside. A session booked by hand there, its warning acknowledged (on
 * call), is not counted while it stays where it was booked.
 */
public final class InsideOpeningHours implements WeekConstraint {

    public static final String NAME = "outside opening hours";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> outside(s) > 0 && !s.acknowledgedWhereBooked(BookingWarning.Code.UNIT_CLOSED,
                BookingWarning.Code.OUTSIDE_OPENING_HOURS))
                .penalize(HardMediumSoftScore.ONE_HARD, InsideOpeningHours::outside)
                .justifyWith((s, score) -> new Breach(s.label() + " from " + Sessions.when(s) + " to "
                        + Sessions.end(s) + " lies " + outside(s) + " min outside the unit's opening hours",
                        List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int outside(PlannedSession s) {
        return s.minutesOutsideHours();
    }
}
