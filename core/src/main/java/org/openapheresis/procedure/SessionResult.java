package org.openapheresis.procedure;

import java.util.Objects;
import org.openapheresis.kinetics.BodyState;

/**
 * A planned session and the simulated body at its end, for courses to carry forward.
 *
 * @param plan the session's plan
 * @param end the body at the end of the session
 */
public record SessionResult(Plan plan, BodyState end) {

    public SessionResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(end, "end");
    }
}
