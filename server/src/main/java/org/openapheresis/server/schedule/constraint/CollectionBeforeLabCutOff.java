package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.session.BookingWarning;

/**
 * Hard: a collection (HPC, lymphocytes, granulocytes) is finished, rinseback included, by the cell-processing lab's
 * cut-off of its day, so the product is processed that day. Penalised by the minutes after the cut-off. A collection
 * booked by hand later, its warning acknowledged (on call), is not counted while it stays where it was booked.
 */
public final class CollectionBeforeLabCutOff implements WeekConstraint {

    public static final String NAME = "collection ends after the lab cut-off";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> late(s) > 0 && !s.acknowledgedWhereBooked(BookingWarning.Code.AFTER_LAB_CUTOFF))
                .penalize(HardMediumSoftScore.ONE_HARD, CollectionBeforeLabCutOff::late)
                .justifyWith((s, score) -> new Breach(s.label() + " ends at " + Sessions.end(s) + ", " + late(s)
                        + " min after the lab's cut-off at " + s.getRules().labCutOff(), List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int late(PlannedSession s) {
        return s.minutesAfterLabCutOff();
    }
}
