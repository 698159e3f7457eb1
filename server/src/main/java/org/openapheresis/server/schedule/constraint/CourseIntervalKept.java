package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: two consecutive sessions of a course start the ordered interval apart, within the unit's tolerance (a
 * second session before the first is far outside); where the unit offers no start within the tolerance (a closed
 * day), the later one may wait until the unit reopens ({@link org.openapheresis.server.schedule.UnitRules#latestNextInCourse},
 * named by {@link CourseStretchedOverClosure}). Penalised by the minutes beyond what is allowed. Two sessions both
 * pinned (done, running or due before now) are facts no plan can change and are not counted.
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
                .filter((a, b) -> !(a.isPinned() && b.isPinned()) && beyond(a, b) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, CourseIntervalKept::beyond)
                .justifyWith((a, b, score) -> new Breach(b.label() + " starts " + hours(b.getStartMinute()
                        - a.getStartMinute()) + " after session " + a.getSequence() + " (" + Sessions.when(a)
                        + "); the order asks for " + hours(a.getIntervalMin()) + " ± " + hours(a.getRules()
                        .intervalToleranceMin()), List.of(a.getKey(), b.getKey())))
                .asConstraint(NAME);
    }

    private static int beyond(PlannedSession a, PlannedSession b) {
        return b.minutesOutsideCourse(a.getStartMinute());
    }

    static String hours(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
