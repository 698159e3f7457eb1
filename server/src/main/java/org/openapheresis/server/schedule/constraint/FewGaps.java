package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.common.ConnectedRangeChain;
import ai.timefold.solver.core.api.score.stream.common.RangeGap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.UnitNurse;
import org.openapheresis.server.schedule.UnitRules;

/**
 * Soft: a nurse's sessions of a day follow one another without idle time between them. A nurse's day is the sessions
 * they run (start to end, set-up and rinseback included; two at once overlap into one stretch); the gaps between
 * those stretches are idle minutes, penalised one per minute. Time before the first session and after the last is
 * not a gap (it is the rota's, not the plan's). The turnover of a chair or machine is not the nurse's: a gap is
 * counted from the end of one session.
 */
public final class FewGaps implements WeekConstraint {

    public static final String NAME = "nurse idle between sessions";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.placed(f, s -> s.getNurse() != null)
                .groupBy(PlannedSession::getNurse, FewGaps::day, ConstraintCollectors.toConnectedRanges(
                        (PlannedSession s) -> (long) s.getStartMinute(), s -> (long) s.endMinute()))
                .filter((nurse, day, chain) -> idle(chain) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (nurse, day, chain) -> idle(chain))
                .justifyWith((nurse, day, chain, score) -> new Breach(sentence(nurse, day, chain), keys(chain)))
                .asConstraint(NAME);
    }

    static LocalDate day(PlannedSession s) {
        return s.getRules().local(s.getStartMinute()).toLocalDate();
    }

    /** Idle minutes between the nurse's stretches of work in the day. */
    static int idle(ConnectedRangeChain<PlannedSession, Long, Long> chain) {
        long total = 0;
        for (RangeGap<Long, Long> g : chain.getGaps()) {
            total += g.getLength();
        }
        return (int) total;
    }

    private static String sentence(UnitNurse nurse, LocalDate day, ConnectedRangeChain<PlannedSession, Long, Long> chain) {
        UnitRules rules = chain.getConnectedRanges().iterator().next().iterator().next().getRules();
        List<String> gaps = new ArrayList<>();
        for (RangeGap<Long, Long> g : chain.getGaps()) {
            gaps.add(TIME.format(rules.local(g.getPreviousRangeEnd().intValue())) + "–"
                    + TIME.format(rules.local(g.getNextRangeStart().intValue())));
        }
        return "nurse " + nurse.username() + " waits " + idle(chain) + " min between sessions on " + day + " ("
                + String.join(", ", gaps) + ")";
    }

    private static List<String> keys(ConnectedRangeChain<PlannedSession, Long, Long> chain) {
        List<String> out = new ArrayList<>();
        chain.getConnectedRanges().forEach(r -> r.forEach(s -> out.add(s.getKey())));
        return out.stream().sorted().toList();
    }
}
