package org.openapheresis.variation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code uncertainty} block of a plan or a course: percentiles over virtual patients. Every list of three is
 * the 5th, 50th and 95th percentile.
 *
 * @param virtualPatients patients simulated
 * @param seed the seed that reproduces them
 * @param percentiles the percentiles of every band (5, 50, 95)
 * @param notPlannable virtual patients whose draw could not be planned (left out of the bands; e.g. a target no
 *     longer reachable)
 * @param predicted per analyte (the plan's {@code predicted} names, or {@code sessions[i].name} in a course), per
 *     value ({@code post}, {@code nadir}, {@code changePercent}, the course summary's values), its band
 * @param quantities other planned numbers that vary (blood volume, duration, collected cells, sessions needed), bands
 * @param timeline the time course: per sample minute, each reported quantity's band
 * @param sensitivity per output, the parameters ranked by the size of their rank correlation with it
 * @param parameters every parameter with its distribution and source, fixed ones included
 */
public record Bands(int virtualPatients, long seed, List<Integer> percentiles, int notPlannable,
        Map<String, Map<String, List<Double>>> predicted, Map<String, List<Double>> quantities,
        List<TimePoint> timeline, List<Drivers> sensitivity, List<ParameterSpread> parameters) {

    public Bands {
        percentiles = List.copyOf(percentiles);
        predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
        quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        timeline = List.copyOf(timeline);
        sensitivity = List.copyOf(sensitivity);
        parameters = List.copyOf(parameters);
    }

    /**
     * One minute of the time course.
     *
     * @param minute minutes since the start
     * @param values per quantity (the timeline's names), its band
     */
    public record TimePoint(double minute, Map<String, List<Double>> values) {
        public TimePoint {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * What drives one output's spread.
     *
     * @param output e.g. {@code predicted.ionizedCalcium.nadir}
     * @param parameters at most three varied parameters, strongest first, chosen by forward selection on ranks: each
     *     named when its rank correlation with what the drivers before it leave unexplained clears the noise floor
     *     3 / sqrt(n - 1) for n planned patients (an output no parameter clears has no entry)
     */
    public record Drivers(String output, List<Driver> parameters) {
        public Drivers {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * One parameter's share of an output's spread.
     *
     * @param parameter its code
     * @param rankCorrelation Spearman's rank correlation between its factor and the output, -1..1
     */
    public record Driver(String parameter, double rankCorrelation) {
    }

    /**
     * A parameter as varied.
     *
     * @param name its code
     * @param distribution its distribution in words, or {@code fixed}
     * @param source where the spread comes from
     */
    public record ParameterSpread(String name, String distribution, String source) {
    }
}
