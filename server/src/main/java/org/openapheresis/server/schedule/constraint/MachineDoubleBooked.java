package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: a machine holds one session at a time, from its start through run time, set-up, rinseback and the unit's
 * turnover. Penalised by the minutes two sessions share.
 * Two pinned sessions (done, running or due before now) are facts no plan can change and are not counted.
 */
public final class MachineDoubleBooked implements WeekConstraint {

    public static final String NAME = "machine double-booked";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getMachine() != null)
                .join(Sessions.placed(f, s -> s.getMachine() != null), Joiners.equal(PlannedSession::getMachine),
                        Joiners.lessThan(PlannedSession::getKey),
                        Joiners.overlapping(PlannedSession::getStartMinute, PlannedSession::freeAtMinute))
                .filter((a, b) -> !(a.isPinned() && b.isPinned()))
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> shared(a, b))
                .justifyWith((a, b, score) -> new Breach("machine " + a.getMachine() + " is given to " + a.label() + " at "
                        + Sessions.when(a) + " and to " + b.label() + " at " + Sessions.when(b) + ": " + shared(a, b)
                        + " min overlap, turnover included", List.of(a.getKey(), b.getKey())))
                .asConstraint(NAME);
    }

    private static int shared(PlannedSession a, PlannedSession b) {
        return Sessions.overlap(a.getStartMinute(), a.freeAtMinute(), b.getStartMinute(), b.freeAtMinute());
    }
}
