package org.openapheresis.course;

import java.util.List;
import java.util.Map;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Warning;

/**
 * A planned course (contract plan-v1, course section).
 *
 * @param sessions each session's plan, its pre values carried from the previous session
 * @param sessionStartHours when each session starts, hours after the first (same order as sessions)
 * @param summary per analyte, the course's effect
 * @param warnings warnings about the course as a whole (e.g. IVIG before an exchange)
 * @param assumptions how sessions were linked
 * @param timeline hourly samples across the whole course, or null when not asked for
 * @param uncertainty bands over virtual patients, or null when not asked for
 */
public record CourseResult(List<Plan> sessions, List<Double> sessionStartHours, Map<String, AnalyteSummary> summary,
        List<Warning> warnings, List<String> assumptions, List<Map<String, Double>> timeline,
        org.openapheresis.variation.Bands uncertainty) {

    /** A course without uncertainty bands. */
    public CourseResult(List<Plan> sessions, List<Double> sessionStartHours, Map<String, AnalyteSummary> summary,
            List<Warning> warnings, List<String> assumptions, List<Map<String, Double>> timeline) {
        this(sessions, sessionStartHours, summary, warnings, assumptions, timeline, null);
    }

    /** This course with its uncertainty bands. */
    public CourseResult withUncertainty(org.openapheresis.variation.Bands bands) {
        return new CourseResult(sessions, sessionStartHours, summary, warnings, assumptions, timeline, bands);
    }

    public CourseResult {
        sessions = List.copyOf(sessions);
        sessionStartHours = List.copyOf(sessionStartHours);
        if (sessions.size() != sessionStartHours.size()) {
            throw new IllegalArgumentException("one start hour per session");
        }
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
        warnings = List.copyOf(warnings);
        assumptions = List.copyOf(assumptions);
        timeline = timeline == null ? null : List.copyOf(timeline);
    }

    /**
     * What a course did to one analyte.
     *
     * @param unit unit of the concentrations
     * @param beforeFirstSession concentration before the first session
     * @param afterLastSession concentration at the end of the last session
     * @param atNextScheduledTime concentration at the next scheduled time
     * @param nextScheduledHour that time, hours after the first session
     * @param totalBodyRemovedPercent for antibodies: fall of the total-body amount from before the first
     *     session to the end of the last, percent; null for other analytes
     */
    public record AnalyteSummary(String unit, double beforeFirstSession, double afterLastSession,
            double atNextScheduledTime, double nextScheduledHour, Double totalBodyRemovedPercent) {
    }
}
