package org.openapheresis.course;

import java.util.Objects;
import org.openapheresis.procedure.ProcedureSpec;

/**
 * One session of a course.
 *
 * @param procedure what to do
 * @param atHour when the session starts, hours after the start of the first
 */
public record CourseStep(ProcedureSpec procedure, double atHour) {

    public CourseStep {
        Objects.requireNonNull(procedure, "procedure");
        if (!(atHour >= 0) || !Double.isFinite(atHour)) {
            throw new IllegalArgumentException("atHour must be a finite non-negative number");
        }
    }
}
