package org.openapheresis.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseStep;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * Reads a course request (contract plan-v1, course section): the plan request plus either
 * {@code schedule: {sessions, intervalHours}} or {@code steps: [{procedure, atHour}, ...]}.
 */
public final class CourseRequestReader {

    /** Sessions in a regular schedule. */
    public static final Range SESSIONS = org.openapheresis.course.CourseSchedule.SESSIONS;
    /** Hours between session starts (up to 90 days). */
    public static final Range INTERVAL_HOURS = org.openapheresis.course.CourseSchedule.INTERVAL_HOURS;
    /** Start of a step, hours after the first (up to a year). */
    public static final Range AT_HOUR = Range.of(0, 8760);
    /** Summary time after the last of several steps when no regular interval exists: the last gap. */
    public static final double SINGLE_STEP_NEXT_HOURS = 48;

    private CourseRequestReader() {
    }

    /**
     * Reads a {@code schedule} object alone (an order's course).
     *
     * @throws InvalidInputException with every problem found
     */
    public static org.openapheresis.course.CourseSchedule readSchedule(Object tree, String field) {
        List<Problem> problems = new ArrayList<>();
        Optional<Node> n = Node.object(tree, field, problems);
        if (n.isPresent()) {
            OptionalInt sessions = n.get().integer("sessions", SESSIONS, true);
            OptionalDouble interval = n.get().number("intervalHours", INTERVAL_HOURS, true);
            n.get().rejectUnknown();
            if (problems.isEmpty()) {
                return new org.openapheresis.course.CourseSchedule(sessions.getAsInt(), interval.getAsDouble());
            }
        }
        throw new InvalidInputException(problems);
    }

    /** The {@code schedule} object of a regular course. */
    public static java.util.Map<String, Object> write(org.openapheresis.course.CourseSchedule s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sessions", s.sessions());
        m.put("intervalHours", s.intervalHours());
        return m;
    }

    /**
     * @throws InvalidInputException with every problem found
     */
    public static CourseRequest read(Object root) {
        List<Problem> problems = new ArrayList<>();
        Optional<Node> node = Node.object(root, "", problems);
        if (node.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Node n = node.get();
        boolean hasSchedule = n.has("schedule");
        boolean hasSteps = n.has("steps");
        if (hasSchedule && hasSteps) {
            problems.add(Problem.of("steps", MessageKey.MUTUALLY_EXCLUSIVE, "schedule"));
        }
        if (!hasSchedule && !hasSteps) {
            problems.add(Problem.of("schedule", MessageKey.REQUIRED_WHEN, "(or steps) for a course"));
        }
        PlanRequestReader.Header base = PlanRequestReader.readInto(n, !hasSteps);
        List<CourseStep> steps = new ArrayList<>();
        double next = 0;
        if (hasSchedule && !hasSteps) {
            Optional<Node> s = n.child("schedule", true);
            if (s.isPresent()) {
                OptionalInt sessions = s.get().integer("sessions", SESSIONS, true);
                OptionalDouble interval = s.get().number("intervalHours", INTERVAL_HOURS, true);
                s.get().rejectUnknown();
                if (sessions.isPresent() && interval.isPresent() && base != null) {
                    for (int i = 0; i < sessions.getAsInt(); i++) {
                        steps.add(new CourseStep(base.procedure().orElseThrow(), i * interval.getAsDouble()));
                    }
                    next = sessions.getAsInt() * interval.getAsDouble();
                }
            }
        } else if (hasSteps) {
            Optional<List<?>> list = n.list("steps", true);
            if (list.isPresent()) {
                double previous = 0;
                for (int i = 0; i < list.get().size(); i++) {
                    Optional<Node> step = Node.object(list.get().get(i), "steps[" + i + "]", problems);
                    if (step.isEmpty()) {
                        continue;
                    }
                    Optional<ProcedureSpec> spec = step.get().child("procedure", true)
                            .flatMap(PlanRequestReader::procedure);
                    OptionalDouble at = step.get().number("atHour", AT_HOUR, true);
                    step.get().rejectUnknown();
                    if (at.isPresent()) {
                        if (i == 0 && at.getAsDouble() != 0) {
                            problems.add(Problem.of(step.get().field("atHour"), MessageKey.OUT_OF_RANGE,
                                    at.getAsDouble(), 0, 0));
                        } else if (at.getAsDouble() < previous) {
                            problems.add(Problem.of(step.get().field("atHour"), MessageKey.OUT_OF_RANGE,
                                    at.getAsDouble(), previous, AT_HOUR.high()));
                        } else {
                            previous = at.getAsDouble();
                        }
                    }
                    if (spec.isPresent() && at.isPresent() && base != null) {
                        PlanRequestReader.requireLabs(base.patient(), spec.get(), problems);
                        steps.add(new CourseStep(spec.get(), at.getAsDouble()));
                    }
                }
                if (steps.size() >= 2) {
                    double lastGap = steps.get(steps.size() - 1).atHour() - steps.get(steps.size() - 2).atHour();
                    next = steps.get(steps.size() - 1).atHour() + Math.max(lastGap, 1);
                } else if (steps.size() == 1) {
                    next = SINGLE_STEP_NEXT_HOURS;
                }
            }
        }
        n.rejectUnknown();
        if (!problems.isEmpty() || base == null || steps.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(Problem.of("steps", MessageKey.EMPTY_LIST));
            }
            throw new InvalidInputException(problems);
        }
        return new CourseRequest(base.patient(), base.recipientWeightKg(), steps, next);
    }
}
