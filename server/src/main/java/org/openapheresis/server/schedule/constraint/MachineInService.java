package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: a session's machine is in service for the whole session, set-up and rinseback included (a machine taken out
 * for servicing or repair runs nothing). Penalised by the minutes it is out of service.
 */
public final class MachineInService implements WeekConstraint {

    public static final String NAME = "machine out of service";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> out(s) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, MachineInService::out)
                .justifyWith((s, score) -> new Breach(s.label() + " from " + Sessions.when(s) + " to "
                        + Sessions.end(s) + " is on " + s.getMachine() + ", out of service for " + out(s) + " min of it",
                        List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int out(PlannedSession s) {
        return s.getMachine() == null ? 0 : s.getMachine().minutesOutOfService(s.getStartMinute(), s.endMinute());
    }
}
