package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.time.LocalDate;
import java.util.List;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.UnitRules;

/**
 * Soft: the week's work is spread over its days, so that each day keeps room for an urgent session (a TTP exchange
 * that must go in today) and the first days are not packed full while the last stand empty. A day's load is the
 * minutes its sessions take (set-up and rinseback included) in percent of the day's opening hours (one machine or
 * chair's day, so it may pass 100); penalised by the square of that percentage over 100, least when the days carry
 * loads in proportion to their hours. A session on a closed day counts its minutes (it breaks the opening hours).
 */
public final class BalancedDays implements WeekConstraint {

    public static final String NAME = "days unevenly loaded";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> true)
                .groupBy(s -> s.getRules(), BalancedDays::day, ConstraintCollectors.sum(PlannedSession::durationMin))
                .penalize(HardMediumSoftScore.ONE_SOFT, (rules, day, minutes) -> weight(rules, day, minutes))
                .justifyWith((rules, day, minutes, score) -> new Breach(day + " carries " + minutes + " min of sessions"
                        + " (" + percent(rules, day, minutes) + " % of one day's opening hours)", List.of()))
                .asConstraint(NAME);
    }

    static LocalDate day(PlannedSession s) {
        return s.getRules().local(s.getStartMinute()).toLocalDate();
    }

    /** The day's load in percent of its opening minutes (the minutes themselves on a closed day). */
    static int percent(UnitRules rules, LocalDate day, int minutes) {
        int open = rules.hoursOn(day).map(h -> (int) java.time.Duration.between(h.open(), h.close()).toMinutes())
                .orElse(0);
        return open == 0 ? minutes : 100 * minutes / open;
    }

    static int weight(UnitRules rules, LocalDate day, int minutes) {
        int p = percent(rules, day, minutes);
        return p * p / 100;
    }
}
