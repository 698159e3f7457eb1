package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.UnitNurse;

/**
 * Soft: a nurse's sessions of a day follow one another without idle time between them. A nurse's day is the sessions
 * they run (start to end, set-up and rinseback included; two at once overlap into one stretch); the gaps between
 * those stretches are idle minutes, penalised one per minute. Time before the first session and after the last is
 * not a gap (it is the rota's, not the plan's). The turnover of a chair or machine is not the nurse's: a gap is
 * counted from the end of one session.
 *
 * <p>A nurse's day holds a handful of sessions, so they are collected in a list and merged in order when one
 * moves; the solver's connected-ranges collector gave the same numbers at half the week's score-calculation speed.
 */
public final class FewGaps implements WeekConstraint {

    public static final String NAME = "nurse idle between sessions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getNurse() != null)
                .groupBy(PlannedSession::getNurse, FewGaps::day, ConstraintCollectors.toList())
                .filter((nurse, day, sessions) -> sessions.size() > 1 && idle(sessions) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (nurse, day, sessions) -> idle(sessions))
                .justifyWith((nurse, day, sessions, score) -> new Breach(sentence(nurse, day, sessions),
                        sessions.stream().map(PlannedSession::getKey).sorted().toList()))
                .asConstraint(NAME);
    }

    static LocalDate day(PlannedSession s) {
        return s.getRules().local(s.getStartMinute()).toLocalDate();
    }

    /** The gaps between the nurse's stretches of work, as {@code [from, to)} minute pairs, in time order. */
    static List<int[]> gaps(List<PlannedSession> sessions) {
        return gaps(sessions, PlannedSession::endMinute);
    }

    /**
     * The gaps between stretches of sessions that each hold what they use until {@code until} (a nurse to the end, a
     * machine to the end and its turnover), as {@code [from, to)} minute pairs, in time order.
     */
    static List<int[]> gaps(List<PlannedSession> sessions, ToIntFunction<PlannedSession> until) {
        List<PlannedSession> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparingInt(PlannedSession::getStartMinute));
        List<int[]> out = new ArrayList<>();
        int busyUntil = until.applyAsInt(sorted.get(0));
        for (PlannedSession s : sorted.subList(1, sorted.size())) {
            if (s.getStartMinute() > busyUntil) {
                out.add(new int[] {busyUntil, s.getStartMinute()});
            }
            busyUntil = Math.max(busyUntil, until.applyAsInt(s));
        }
        return out;
    }

    /** Idle minutes between the nurse's stretches of work in the day. */
    static int idle(List<PlannedSession> sessions) {
        return minutes(gaps(sessions));
    }

    /** The gaps as clock times, e.g. {@code 10:30–11:00, 13:30–14:00}. */
    static String times(org.openapheresis.server.schedule.UnitRules rules, List<int[]> gaps) {
        return String.join(", ", gaps.stream().map(g -> Sessions.clock(rules, g[0]) + "–" + Sessions.clock(rules,
                g[1])).toList());
    }

    /** The minutes of the gaps. */
    static int minutes(List<int[]> gaps) {
        return gaps.stream().mapToInt(g -> g[1] - g[0]).sum();
    }

    private static String sentence(UnitNurse nurse, LocalDate day, List<PlannedSession> sessions) {
        var rules = sessions.get(0).getRules();
        return "nurse " + nurse.username() + " waits " + idle(sessions) + " min between sessions on " + day + " ("
                + times(rules, gaps(sessions)) + ")";
    }
}
