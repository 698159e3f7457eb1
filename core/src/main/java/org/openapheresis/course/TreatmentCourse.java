package org.openapheresis.course;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanRequest;

/**
 * A plan's published treatment schedule as a course: the same procedure on each of the schedule's days, at the same
 * hour, so the course planner carries the body from one treatment to the next.
 */
public final class TreatmentCourse {

    private TreatmentCourse() {
    }

    /**
     * The course of a request on a schedule; the summary is read one day after the last treatment.
     *
     * @param request the session planned
     * @param schedule its plan's treatment schedule
     */
    public static CourseRequest of(PlanRequest request, Plan.TreatmentSchedule schedule) {
        List<CourseStep> steps = new ArrayList<>();
        for (double day : schedule.sessionDays()) {
            steps.add(new CourseStep(request.procedure(), 24 * day));
        }
        double last = schedule.sessionDays().get(schedule.sessionDays().size() - 1);
        return new CourseRequest(request.patient(), request.recipientWeightKg(), steps, 24 * (last + 1));
    }
}
