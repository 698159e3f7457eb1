package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Rounding;

/**
 * Runs the simulation of one session's processing phase and collects what a plan reports from it: the
 * ionised calcium nadir and, when asked, the timeline. Shared by every procedure planner.
 */
final class SessionClock {

    /** Interval at which the state is inspected for the nadir, minutes. */
    static final double INSPECT_EVERY_MIN = 1;

    private SessionClock() {
    }

    /**
     * What one run produced.
     *
     * @param removed per analyte with a clearance, the amount taken out of the circulation over the run (the
     *     analyte's unit x L; 10^9 cells for counts in 10^9/L), by the trapezoid rule over the inspections
     */
    record Run(BodyState start, BodyState end, double ionizedCalciumNadir, List<Map<String, Double>> timeline,
            Map<Analyte, Double> removed) {

        /** Amount removed of an analyte, 0 when it had no clearance or is not tracked. */
        double removed(Analyte a) {
            return removed.getOrDefault(a, 0.0);
        }
    }

    static Run run(BodyState start, Exposure exposure, double durationMin, PlanOptions options,
            double processedVolumeMl) {
        List<Map<String, Double>> timeline = options.timeline() ? new ArrayList<>() : null;
        double[] nadir = {Double.POSITIVE_INFINITY};
        double[] nextTimeline = {0};
        double t0 = start.minute();
        Analyte[] cleared = start.pools().keySet().stream().filter(a -> exposure.clearance(a) != 0)
                .toArray(Analyte[]::new);
        double[] removed = new double[cleared.length];
        double[] previousRate = new double[cleared.length];
        double[] previousMinute = {Double.NaN};
        BodyState end = Simulator.run(start, exposure, durationMin, Simulator.PROCEDURE_STEP_MIN, INSPECT_EVERY_MIN,
                s -> {
                    s.ionizedCalcium().ifPresent(ca -> nadir[0] = Math.min(nadir[0], ca));
                    double minute = s.minute() - t0;
                    for (int i = 0; i < cleared.length; i++) {
                        double rate = exposure.clearance(cleared[i]) / 1000.0
                                * s.concentration(cleared[i]).getAsDouble();
                        if (!Double.isNaN(previousMinute[0])) {
                            removed[i] += (minute - previousMinute[0]) * (rate + previousRate[i]) / 2;
                        }
                        previousRate[i] = rate;
                    }
                    previousMinute[0] = minute;
                    boolean last = minute >= durationMin - 1e-9;
                    if (timeline != null && (minute >= nextTimeline[0] - 1e-9 || last)) {
                        timeline.add(point(s, minute, durationMin > 0 ? processedVolumeMl * minute / durationMin : 0));
                        while (nextTimeline[0] <= minute + 1e-9) {
                            nextTimeline[0] += options.timelineEveryMin();
                        }
                    }
                });
        Map<Analyte, Double> removedByAnalyte = new java.util.EnumMap<>(Analyte.class);
        for (int i = 0; i < cleared.length; i++) {
            removedByAnalyte.put(cleared[i], removed[i]);
        }
        return new Run(start, end, Double.isInfinite(nadir[0]) ? Double.NaN : nadir[0], timeline,
                java.util.Collections.unmodifiableMap(removedByAnalyte));
    }

    /** One timeline sample: minute, processed volume, haematocrit and each tracked concentration. */
    static Map<String, Double> point(BodyState s, double minute, double processedMl) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("minute", Rounding.decimals(minute, 1));
        p.put("processedVolumeMl", (double) Math.round(processedMl));
        p.put("hematocritPercent", Rounding.decimals(100 * s.hematocritFraction(), 1));
        for (Analyte a : s.pools().keySet()) {
            p.put(a.predictedName(), Rounding.significant(s.concentration(a).getAsDouble(), 4));
        }
        s.ionizedCalcium().ifPresent(ca -> p.put("ionizedCalcium", Rounding.decimals(ca, 3)));
        return p;
    }
}
