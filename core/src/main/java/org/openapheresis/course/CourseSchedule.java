package org.openapheresis.course;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.system.Range;

/**
 * A regular course (contract plan-v1 {@code schedule}): the same procedure {@code sessions} times, one every
 * {@code intervalHours}.
 *
 * @param sessions number of sessions
 * @param intervalHours hours between session starts
 */
public record CourseSchedule(int sessions, double intervalHours) {

    /** Sessions in a regular schedule. */
    public static final Range SESSIONS = Range.of(1, 30);
    /** Hours between session starts (up to 90 days). */
    public static final Range INTERVAL_HOURS = Range.of(1, 2160);

    public CourseSchedule {
        SESSIONS.require("schedule.sessions", sessions);
        INTERVAL_HOURS.require("schedule.intervalHours", intervalHours);
    }

    /** The course of one request on this schedule, as the course reader builds it. */
    public CourseRequest course(PlanRequest r) {
        List<CourseStep> steps = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            steps.add(new CourseStep(r.procedure(), i * intervalHours));
        }
        return new CourseRequest(r.patient(), r.recipientWeightKg(), steps, sessions * intervalHours);
    }
}
