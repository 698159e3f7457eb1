package org.openapheresis.procedure;

import java.util.Objects;
import org.openapheresis.variation.Variation;

/**
 * How much of the simulation to return, and with which model parameters.
 *
 * @param timeline include the simulated time course
 * @param timelineEveryMin sample interval of the timeline, minutes
 * @param variation the model parameters' factors: the published model, or one virtual patient of a Monte Carlo run
 * @param explain write the plan's assumptions and warnings; a Monte Carlo run reads only the numbers and turns them
 *     off (the numbers do not depend on it)
 */
public record PlanOptions(boolean timeline, double timelineEveryMin, Variation variation, boolean explain) {

    /** Options with the published model. */
    public PlanOptions(boolean timeline, double timelineEveryMin) {
        this(timeline, timelineEveryMin, Variation.nominal());
    }

    /** Options for a virtual patient, with assumptions and warnings. */
    public PlanOptions(boolean timeline, double timelineEveryMin, Variation variation) {
        this(timeline, timelineEveryMin, variation, true);
    }

    /** Default timeline sample interval, minutes. */
    public static final double DEFAULT_TIMELINE_EVERY_MIN = 5;

    public PlanOptions {
        Objects.requireNonNull(variation, "variation");
        if (!(timelineEveryMin > 0)) {
            throw new IllegalArgumentException("timeline interval must be positive");
        }
    }

    public static PlanOptions withoutTimeline() {
        return new PlanOptions(false, DEFAULT_TIMELINE_EVERY_MIN);
    }

    /** These options for a virtual patient. */
    public PlanOptions with(Variation v) {
        return new PlanOptions(timeline, timelineEveryMin, v, explain);
    }

    /** These options without the assumptions and warnings: only the numbers (a virtual patient of the bands). */
    public PlanOptions numbersOnly() {
        return new PlanOptions(timeline, timelineEveryMin, variation, false);
    }

    public static PlanOptions withTimeline() {
        return new PlanOptions(true, DEFAULT_TIMELINE_EVERY_MIN);
    }
}
