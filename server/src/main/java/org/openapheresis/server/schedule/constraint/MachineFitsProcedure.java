package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: a separator procedure runs on a machine set up for its type; an infusion takes no machine. The machine is
 * the one variable that may stay unassigned, so this rule must see unassigned sessions
 * ({@code forEachIncludingUnassigned}): a separator procedure without a machine breaks it. Penalised by the
 * session's minutes.
 */
public final class MachineFitsProcedure implements WeekConstraint {

    public static final String NAME = "machine does not fit the procedure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> !s.machineFits())
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedSession::durationMin)
                .justifyWith((s, score) -> new Breach(s.getMachine() == null
                        ? s.label() + " at " + Sessions.when(s) + " has no machine"
                        : s.label() + " is on " + s.getMachine() + (s.getProcedureType().onSeparator()
                                ? ", which is not set up for " + s.getProcedureType().code()
                                : ", but an infusion takes no machine"), List.of(s.getKey())))
                .asConstraint(NAME);
    }
}
