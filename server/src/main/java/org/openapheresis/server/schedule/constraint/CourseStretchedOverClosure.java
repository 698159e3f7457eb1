package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Soft: a course's session that waits for the unit to reopen. When the unit offers no start within the tolerance
 * around the ordered interval (a closed Sunday, a holiday), the hard interval rules let the session wait until the
 * unit's next start ({@link org.openapheresis.server.schedule.UnitRules#latestNextInCourse}); this rule names every
 * such stretch for the coordinator and the prescriber, and keeps it as short as the plan allows. Penalised by the
 * minutes beyond the interval and the tolerance. Counted after the session before it in the plan, or, for the first
 * in the plan, after the course's last session before the plan.
 */
public final class CourseStretchedOverClosure implements WeekConstraint {

    public static final String NAME = "course interval stretched over a closure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        // (session, the course's session before it in the plan), or (session, null) after the last before the plan
        return Sessions.movable(f, s -> s.getPreviousStartMinute() != null
                && s.minutesStretchedByClosure(s.getPreviousStartMinute()) > 0)
                .concat(Sessions.movable(f, s -> true).join(Sessions.placed(f, s -> true),
                        Joiners.equal(PlannedSession::getOrderId),
                        Joiners.equal(PlannedSession::getSequence, s -> s.getSequence() + 1))
                        .filter((s, before) -> s.minutesStretchedByClosure(before.getStartMinute()) > 0))
                .penalize(HardMediumSoftScore.ONE_SOFT, CourseStretchedOverClosure::stretch)
                .justifyWith((s, before, score) -> new Breach(s.label() + " starts " + CourseIntervalKept.hours(
                        s.getStartMinute() - previous(s, before)) + " after " + (before == null
                                ? "the course's last session" : "session " + before.getSequence() + " ("
                                        + Sessions.when(before) + ")") + ": the unit is closed around the "
                        + CourseIntervalKept.hours(s.getIntervalMin()) + " ± " + CourseIntervalKept.hours(s.getRules()
                                .intervalToleranceMin()) + " the order asks for, and " + stretch(s, before)
                        + " min more is taken waiting for it to reopen", List.of(s.getKey())))
                .asConstraint(NAME);
    }

    private static int previous(PlannedSession s, PlannedSession before) {
        return before == null ? s.getPreviousStartMinute() : before.getStartMinute();
    }

    private static int stretch(PlannedSession s, PlannedSession before) {
        return s.minutesStretchedByClosure(previous(s, before));
    }
}
