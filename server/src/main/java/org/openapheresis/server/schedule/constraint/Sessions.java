package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.UnitRules;

/**
 * The sessions a rule looks at. Every rule starts from {@code forEachIncludingUnassigned}: the machine may be
 * unassigned (an infusion has none), and {@code forEach} would drop those sessions from every rule, their chair and
 * nurse included. Each rule then asks for the variables it reads (a session being built has some still empty).
 */
final class Sessions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Sessions() {
    }

    /** Every session with a start, and whatever else the rule needs. */
    static UniConstraintStream<PlannedSession> placed(ConstraintFactory f, Predicate<PlannedSession> also) {
        return f.forEachIncludingUnassigned(PlannedSession.class).filter(s -> s.getStartMinute() != null && also.test(s));
    }

    /**
     * Every session with a start that a plan can still change, and whatever else the rule needs: a pinned session
     * (done, running, or due before now) is a fact, and a rule about one session alone does not count it.
     */
    static UniConstraintStream<PlannedSession> movable(ConstraintFactory f, Predicate<PlannedSession> also) {
        return placed(f, s -> !s.isPinned() && also.test(s));
    }

    /** Minutes two half-open intervals share. */
    static int overlap(int aStart, int aEnd, int bStart, int bEnd) {
        return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    }

    /** {@code Mon 2 Mar 08:30}, in the unit's time. */
    static String when(PlannedSession s) {
        return WHEN.format(s.getRules().local(s.getStartMinute()));
    }

    /** {@code 11:15}: the end, in the unit's time. */
    static String end(PlannedSession s) {
        return clock(s.getRules(), s.endMinute());
    }

    /** {@code 11:15}: a minute of the plan's clock in the unit's time. */
    static String clock(UnitRules rules, int minute) {
        return TIME.format(rules.local(minute));
    }
}
