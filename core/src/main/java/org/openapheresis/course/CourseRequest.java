package org.openapheresis.course;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.patient.Patient;

/**
 * A course: a patient and the sessions planned for them, in time order.
 *
 * @param patient the patient at the start of the course
 * @param recipientWeightKg recipient weight for collected products, or empty (autologous)
 * @param steps sessions in time order, the first at hour 0
 * @param nextScheduledHour the time after the last session at which the summary reports values, hours
 */
public record CourseRequest(Patient patient, OptionalDouble recipientWeightKg, List<CourseStep> steps,
        double nextScheduledHour) {

    public CourseRequest {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recipientWeightKg, "recipientWeightKg");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a course needs at least one session");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).atHour() < steps.get(i - 1).atHour()) {
                throw new IllegalArgumentException("course steps must be in time order");
            }
        }
        if (!(nextScheduledHour >= steps.get(steps.size() - 1).atHour())) {
            throw new IllegalArgumentException("the next scheduled time must not be before the last session");
        }
    }
}
