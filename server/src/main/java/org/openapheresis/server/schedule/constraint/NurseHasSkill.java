package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.Skill;

/** Hard: the nurse has every skill the session needs. Penalised by the session's minutes. */
public final class NurseHasSkill implements WeekConstraint {

    public static final String NAME = "nurse lacks a skill";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> s.getNurse() != null && !s.getNurse().has(s.getNeeded()))
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedSession::durationMin)
                .justifyWith((s, score) -> new Breach("nurse " + s.getNurse() + " lacks " + String.join(", ",
                        missing(s).stream().map(Skill::code).toList()) + " for "
                        + s.label() + " at " + Sessions.when(s), List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static Set<Skill> missing(PlannedSession s) {
        Set<Skill> m = s.getNeeded().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(s.getNeeded());
        m.removeAll(s.getNurse().skills());
        return m;
    }
}
