package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Soft: the week's sessions are spread evenly over the nurses. Penalised by the square of each nurse's count of
 * sessions, which is least when the counts are equal (moving one session from a nurse with n + 1 to one with
 * n - 1 gains 2).
 */
public final class BalancedNurseLoad implements WeekConstraint {

    public static final String NAME = "nurse load unbalanced";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getNurse() != null)
                .groupBy(PlannedSession::getNurse, ConstraintCollectors.count())
                .penalize(HardMediumSoftScore.ONE_SOFT, (nurse, count) -> count * count)
                .justifyWith((nurse, count, score) -> new Breach("nurse " + nurse + " runs " + count + " session(s)",
                        List.of()))
                .asConstraint(NAME);
    }
}
