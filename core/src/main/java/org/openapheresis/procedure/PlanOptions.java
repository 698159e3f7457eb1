package org.openapheresis.procedure;

/**
 * How much of the simulation to return.
 *
 * @param timeline include the simulated time course
 * @param timelineEveryMin sample interval of the timeline, minutes
 */
public record PlanOptions(boolean timeline, double timelineEveryMin) {

    /** Default timeline sample interval, minutes. */
    public static final double DEFAULT_TIMELINE_EVERY_MIN = 5;

    public PlanOptions {
        if (!(timelineEveryMin > 0)) {
            throw new IllegalArgumentException("timeline interval must be positive");
        }
    }

    public static PlanOptions withoutTimeline() {
        return new PlanOptions(false, DEFAULT_TIMELINE_EVERY_MIN);
    }

    public static PlanOptions withTimeline() {
        return new PlanOptions(true, DEFAULT_TIMELINE_EVERY_MIN);
    }
}
