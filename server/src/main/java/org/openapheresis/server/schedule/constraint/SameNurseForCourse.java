package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Soft: a patient's course keeps the same nurse. Penalised by {@link #WEIGHT} for every nurse beyond the first
 * among the course's sessions in the plan.
 */
public final class SameNurseForCourse implements WeekConstraint {

    public static final String NAME = "course changes nurse";
    /** One nurse change weighs as much as three sessions of imbalance between two nurses' loads. */
    public static final int WEIGHT = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getNurse() != null)
                .groupBy(PlannedSession::getOrderId, ConstraintCollectors.toList())
                .filter((order, sessions) -> nurses(sessions) > 1)
                .penalize(HardMediumSoftScore.ONE_SOFT, (order, sessions) -> WEIGHT * (nurses(sessions) - 1))
                .justifyWith((order, sessions, score) -> new Breach("the course of " + sessions.get(0).getPatientName()
                        + " has " + nurses(sessions) + " nurses: " + String.join(", ", sessions.stream()
                                .map(s -> s.getNurse().username()).distinct().sorted().toList()),
                        sessions.stream().map(PlannedSession::getKey).sorted().toList()))
                .asConstraint(NAME);
    }

    private static int nurses(List<PlannedSession> sessions) {
        return (int) sessions.stream().map(PlannedSession::getNurse).distinct().count();
    }
}
