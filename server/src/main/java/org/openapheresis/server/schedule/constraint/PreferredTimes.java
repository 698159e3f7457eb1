package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import java.util.List;

/**
 * Soft: a session lies inside the times its patient prefers to come (recorded on the patient, one window per day of
 * the week; a day without a window is a day not preferred). Penalised by {@link #WEIGHT} per minute of the session,
 * set-up and rinseback included, outside the preference.
 */
public final class PreferredTimes implements WeekConstraint {

    public static final String NAME = "outside the patient's preferred times";
    /**
     * Two per minute: a patient's wish ranks above a nurse's idle minute ({@link FewGaps}, one per minute), and an
     * hour outside it weighs as much as forty changes of a course's nurse.
     */
    public static final int WEIGHT = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Constraint define(ConstraintFactory f) {
        return Sessions.movable(f, s -> s.minutesOutsidePreference() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, s -> WEIGHT * s.minutesOutsidePreference())
                .justifyWith((s, score) -> new Breach(s.label() + " from " + Sessions.when(s) + " to " + Sessions.end(s)
                        + " lies " + s.minutesOutsidePreference() + " min outside the times the patient prefers ("
                        + s.getPreferred().describe() + ")", List.of(s.getKey())))
                .asConstraint(NAME);
    }
}
