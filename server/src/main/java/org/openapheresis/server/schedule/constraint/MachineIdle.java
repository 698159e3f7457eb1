package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.time.LocalDate;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.UnitMachine;

/**
 * Soft: a separator's sessions of a day follow one another, so that its free time stays in one block (an urgent
 * exchange needs a block of hours on one machine, not scattered half-hours). The idle minutes between one session's
 * end (set-up and rinseback included) and the next's start on the same machine, beyond the unit's turnover, are
 * penalised one per minute, as a nurse's idle minutes are ({@link FewGaps}); time before the day's first session and
 * after its last is not a gap. Infusions, on no machine, are not counted.
 */
public final class MachineIdle implements WeekConstraint {

    public static final String NAME = "machine idle between sessions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getMachine() != null)
                .groupBy(PlannedSession::getMachine, FewGaps::day, ConstraintCollectors.toList())
                .filter((machine, day, sessions) -> sessions.size() > 1 && idle(sessions) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (machine, day, sessions) -> idle(sessions))
                .justifyWith((machine, day, sessions, score) -> new Breach(sentence(machine, day, sessions),
                        sessions.stream().map(PlannedSession::getKey).sorted().toList()))
                .asConstraint(NAME);
    }

    /** The gaps after each session's turnover ({@link PlannedSession#freeAtMinute}), in time order. */
    static List<int[]> gaps(List<PlannedSession> sessions) {
        return FewGaps.gaps(sessions, PlannedSession::freeAtMinute);
    }

    static int idle(List<PlannedSession> sessions) {
        return FewGaps.minutes(gaps(sessions));
    }

    private static String sentence(UnitMachine machine, LocalDate day, List<PlannedSession> sessions) {
        var rules = sessions.get(0).getRules();
        return "machine " + machine.name() + " stands idle " + idle(sessions) + " min between sessions on " + day
                + ", beyond the " + rules.turnoverMin() + " min turnover (" + FewGaps.times(rules, gaps(sessions)) + ")";
    }
}
