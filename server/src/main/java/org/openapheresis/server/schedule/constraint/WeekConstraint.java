package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;

/**
 * One rule of a week's plan, in its own class with its own test. Hard penalties are counted in minutes of sessions
 * that break the rule (so the solver sees a half-hour overlap as worse than five minutes), medium in sessions moved,
 * soft in the rule's own unit.
 */
public interface WeekConstraint {

    /** The rule's name, as the score's explanation shows it. */
    String name();

    /** The rule as a constraint stream. */
    Constraint define(ConstraintFactory f);
}
