package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;

/**
 * Hard: the nurse-to-patient ratio. When a session starts, its nurse runs no more sessions than the unit's
 * {@code maxPatientsPerNurse} (this one included), set-up and rinseback included. With a ratio of one this is
 * plain double booking of a nurse. Penalised, at each start where the ratio is passed, by the sessions too many
 * times the starting session's minutes; not counted where every session concerned is pinned (done, running or due
 * before now: no plan can change them).
 */
public final class NurseOverbooked implements WeekConstraint {

    public static final String NAME = "nurse over the patient ratio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getNurse() != null)
                .join(Sessions.placed(f, s -> s.getNurse() != null), Joiners.equal(PlannedSession::getNurse),
                        Joiners.filtering((a, b) -> b.getStartMinute() <= a.getStartMinute()
                                && a.getStartMinute() < b.endMinute()))
                .groupBy((a, b) -> a, ConstraintCollectors.countBi(), ConstraintCollectors.sum((a, b) -> b.isPinned()
                        ? 0 : 1))
                .filter((a, running, movable) -> running > a.getRules().maxPatientsPerNurse()
                        && (!a.isPinned() || movable > 0))
                .penalize(HardMediumSoftScore.ONE_HARD, (a, running, movable) -> (running - a.getRules()
                        .maxPatientsPerNurse()) * a.durationMin())
                .justifyWith((a, running, movable, score) -> new Breach("nurse " + a.getNurse() + " would run " + running
                        + " sessions at once when " + a.label() + " starts at " + Sessions.when(a) + " (at most "
                        + a.getRules().maxPatientsPerNurse() + ")", List.of(a.getKey())))
                .asConstraint(NAME);
    }
}
