package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: when the unit keeps a rota, a session's nurse is on shift for the whole session, set-up and rinseback
 * included. Penalised by the minutes off shift (a day off counts every minute).
 */
public final class NurseOnShift implements WeekConstraint {

    public static final String NAME = "nurse not on shift";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> off(s) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, NurseOnShift::off)
                .justifyWith((s, score) -> new Breach(s.label() + " from " + Sessions.when(s) + " to "
                        + Sessions.end(s) + " has nurse " + s.getNurse().username() + " off shift for " + off(s)
                        + " min", List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int off(PlannedSession s) {
        return s.getNurse() == null ? 0 : s.getNurse().minutesOffShift(s.getStartMinute(), s.endMinute());
    }
}
