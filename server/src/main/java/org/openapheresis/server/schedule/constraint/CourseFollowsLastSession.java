package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: the first session of a course in the plan starts the ordered interval, within the tolerance, after the
 * course's last session before the plan (one done, running or booked earlier), or as soon as the unit reopens when
 * it offers no start within the tolerance ({@link CourseIntervalKept}). Penalised by the minutes beyond what is
 * allowed; a pinned session (done, running or due before now) is not counted.
 */
public final class CourseFollowsLastSession implements WeekConstraint {

    public static final String NAME = "course does not follow its last session";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> s.getPreviousStartMinute() != null && beyond(s) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, CourseFollowsLastSession::beyond)
                .justifyWith((s, score) -> new Breach(s.label() + " starts " + CourseIntervalKept.hours(
                        s.getStartMinute() - s.getPreviousStartMinute()) + " after the course's last session; the "
                        + "order asks for " + CourseIntervalKept.hours(s.getIntervalMin()) + " ± "
                        + CourseIntervalKept.hours(s.getRules().intervalToleranceMin()), List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int beyond(PlannedSession s) {
        return s.minutesOutsideCourse(s.getPreviousStartMinute());
    }
}
