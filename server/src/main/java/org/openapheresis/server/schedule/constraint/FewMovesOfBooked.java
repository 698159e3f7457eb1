package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;

/**
 * Medium: as few sessions already booked as possible are moved (another start, machine, chair or nurse; giving a
 * chair or nurse to a booking that had none is not a move). Medium sits below every hard rule and above every soft
 * one: a plan moves a patient's booked session only to keep a hard rule, never for comfort. One per session moved.
 */
public final class FewMovesOfBooked implements WeekConstraint {

    public static final String NAME = "booked session moved";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.moved())
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .justifyWith((s, score) -> new Breach(s.label() + " was booked elsewhere and moves to "
                        + Sessions.when(s) + " on " + (s.getMachine() == null ? "no machine" : s.getMachine()) + ", "
                        + s.getChair() + ", nurse " + s.getNurse(), List.of(s.getKey())))
                .asConstraint(NAME);
    }
}
