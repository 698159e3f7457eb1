package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.LabsDue;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.session.BookingWarning;

/**
 * Hard: the pre-procedure labs a session's order asks for are back before the session starts. When the results on
 * record will be older than the order allows at the start, the labs are drawn on the patient's arrival, at the
 * earliest at the day's opening, and the session starts no earlier than the opening plus the lab's turnaround (a
 * unit rule). Penalised by the minutes it starts before then. A session booked by hand earlier, its warning
 * acknowledged (on call), is not counted while it stays where it was booked.
 */
public final class PreProcedureLabsDue implements WeekConstraint {

    public static final String NAME = "pre-procedure labs not back before the session";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> s.minutesBeforeLabsBack() > 0
                && !s.acknowledgedWhereBooked(BookingWarning.Code.LABS_NOT_BACK))
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedSession::minutesBeforeLabsBack)
                .justifyWith((s, score) -> new Breach(sentence(s), List.of(s.getKey())))
                .asConstraint(NAME);
    }

    static String sentence(PlannedSession s) {
        LabsDue due = s.getLabsDue();
        return s.label() + " starts at " + Sessions.when(s) + " and its order asks for " + due.tests()
                + " at most " + due.maxAgeHours() + " h old (" + due.limiting() + "): drawn on arrival, they are back "
                + "at " + Sessions.clock(s.getRules(), s.getRules().labsBackMinute(s.getStartMinute()))
                + " (" + s.getRules().labsBackReason(s.getStartMinute()) + "), "
                + s.minutesBeforeLabsBack() + " min after the start";
    }
}
