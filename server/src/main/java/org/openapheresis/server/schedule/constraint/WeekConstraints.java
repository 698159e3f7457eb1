package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import java.util.List;

/** Every rule of a week's plan: the solver's constraint provider. A rule is added here and nowhere else. */
public final class WeekConstraints implements ConstraintProvider {

    /** The rules, hard first. */
    public static final List<WeekConstraint> ALL = List.of(new MachineDoubleBooked(), new ChairDoubleBooked(),
            new NurseOverbooked(), new MachineFitsProcedure(), new MachineInService(), new NurseHasSkill(),
            new NurseOnShift(), new InsideOpeningHours(),
            new CollectionBeforeLabCutOff(), new CourseIntervalKept(), new CourseFollowsLastSession(),
            new PreProcedureLabsDue(),
            new FewMovesOfBooked(), new SameNurseForCourse(), new BalancedNurseLoad(),
            new BalancedDays(), new PreferredTimes(), new FewGaps(), new MachineIdle(), new CourseStretchedOverClosure());

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return ALL.stream().map(c -> c.define(f)).toArray(Constraint[]::new);
    }
}
