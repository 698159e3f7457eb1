package org.openapheresis.server.schedule;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/** The sessions on a separator, for the construction phase that places them first. */
public final class OnSeparator implements SelectionFilter<WeekPlan, PlannedSession> {

    @Override
    public boolean accept(ScoreDirector<WeekPlan> director, PlannedSession s) {
        return s.getProcedureType().onSeparator();
    }

    /** The sessions that take no machine (infusions), placed after the separators in the chairs left. */
    public static final class Off implements SelectionFilter<WeekPlan, PlannedSession> {
        @Override
        public boolean accept(ScoreDirector<WeekPlan> director, PlannedSession s) {
            return !s.getProcedureType().onSeparator();
        }
    }
}
