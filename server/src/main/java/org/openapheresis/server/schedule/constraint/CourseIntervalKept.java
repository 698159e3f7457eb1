package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: two consecutive sessions of a course start the ordered interval apart, within the unit's tolerance (a
 * second session before the first is far outside). Penalised by the minutes beyond the tolerance.
 */
public final class CourseIntervalKept implements WeekConstraint {

    public static final String NAME = "course interval not kept";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> true)
                .join(Sessions.placed(f, s -> true), Joiners.equal(PlannedSession::getOrderId),
                        Joiners.equal(s -> s.getSequence() + 1, PlannedSession::getSequence))
                .filter((a, b) -> beyond(a, b) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, CourseIntervalKept::beyond)
                .justifyWith((a, b, score) -> new Breach(b.label() + " starts " + hours(b.getStartMinute()
                        - a.getStartMinute()) + " after session " + a.getSequence() + " (" + Sessions.when(a)
                        + "); the order asks for " + hours(a.getIntervalMin()) + " ± " + hours(a.getRules()
                        .intervalToleranceMin()), List.of(a.getKey(), b.getKey())))
                .asConstraint(NAME);
    }

    /** Minutes a gap lies beyond the tolerance around the interval. */
    static int beyond(int gapMin, int intervalMin, int toleranceMin) {
        return Math.max(0, Math.abs(gapMin - intervalMin) - toleranceMin);
    }

    private static int beyond(PlannedSession a, PlannedSession b) {
        return beyond(b.getStartMinute() - a.getStartMinute(), a.getIntervalMin(), a.getRules().intervalToleranceMin());
    }

    static String hours(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
