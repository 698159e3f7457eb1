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
    static final double INSPECT_EVERY_MIN = Simulator.PROCEDURE_MAX_STEP_MIN;

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
        Analyte[] tracked = start.pools().keySet().toArray(new Analyte[0]);
        int n = tracked.length;
        boolean[] cleared = new boolean[n];
        double[] clearanceLPerMin = new double[n];
        for (int i = 0; i < n; i++) {
            clearanceLPerMin[i] = exposure.clearance(tracked[i]) / 1000.0;
            cleared[i] = clearanceLPerMin[i] != 0;
        }
        Recorder rec = new Recorder(tracked, clearanceLPerMin, cleared, durationMin, processedVolumeMl,
                options.timeline() ? options.timelineEveryMin() : 0);
        double step = Simulator.stepFor(start, exposure, Simulator.PROCEDURE_MAX_STEP_MIN);
        BodyState end = Simulator.probed(start, exposure, durationMin, Math.min(step, INSPECT_EVERY_MIN),
                INSPECT_EVERY_MIN, rec);
        Map<Analyte, Double> removedByAnalyte = new java.util.EnumMap<>(Analyte.class);
        for (int i = 0; i < n; i++) {
            if (cleared[i]) {
                removedByAnalyte.put(tracked[i], rec.removed[i]);
            }
        }
        return new Run(start, end, Double.isInfinite(rec.nadir) ? Double.NaN : rec.nadir,
                rec.timeline == null ? null : java.util.Collections.unmodifiableList(rec.timeline),
                java.util.Collections.unmodifiableMap(removedByAnalyte));
    }

    /**
     * Reads the run at each inspection: the ionised calcium nadir, the amounts removed (trapezoid rule) and, when
     * asked, the timeline at exact multiples of its interval (linear between inspections), without allocating
     * except for the timeline's own points (each a {@link TimelinePoint}: its minute and one array of values).
     */
    private static final class Recorder implements Simulator.Probe {
        final Analyte[] tracked;
        final double[] clearanceLPerMin;
        final boolean[] cleared;
        final double durationMin;
        final double processedMl;
        final double every;
        final double[] removed;
        final double[] previous;
        final double[] current;
        final List<TimelinePoint> timeline;
        /** The timeline's names after the minute, without and with the ionised calcium. */
        final TimelinePoint.Names names;
        final TimelinePoint.Names namesWithCalcium;
        /** One timeline point's values, without and with the ionised calcium, reused (a point copies them). */
        final double[] point;
        final double[] pointWithCalcium;
        double nadir = Double.POSITIVE_INFINITY;
        double previousMinute = Double.NaN;
        double nextPoint;

        Recorder(Analyte[] tracked, double[] clearanceLPerMin, boolean[] cleared, double durationMin,
                double processedMl, double every) {
            this.tracked = tracked;
            this.clearanceLPerMin = clearanceLPerMin;
            this.cleared = cleared;
            this.durationMin = durationMin;
            this.processedMl = processedMl;
            this.every = every;
            removed = new double[tracked.length];
            previous = new double[tracked.length + 2];
            current = new double[tracked.length + 2];
            timeline = every > 0 ? new ArrayList<>() : null;
            String[] without = new String[tracked.length + 2];
            without[0] = "processedVolumeMl";
            without[1] = "hematocritPercent";
            for (int i = 0; i < tracked.length; i++) {
                without[i + 2] = tracked[i].predictedName();
            }
            String[] with = java.util.Arrays.copyOf(without, without.length + 1);
            with[without.length] = "ionizedCalcium";
            names = TimelinePoint.Names.of(without);
            namesWithCalcium = TimelinePoint.Names.of(with);
            point = new double[without.length];
            pointWithCalcium = new double[with.length];
        }

        @Override
        public void at(Simulator.Frame f) {
            double minute = f.phaseMinute();
            int n = tracked.length;
            for (int i = 0; i < n; i++) {
                current[i] = f.concentration(tracked[i]);
            }
            current[n] = f.hematocritFraction();
            current[n + 1] = f.ionizedCalcium();
            if (!Double.isNaN(current[n + 1])) {
                nadir = Math.min(nadir, current[n + 1]);
            }
            boolean first = Double.isNaN(previousMinute);
            for (int i = 0; i < n; i++) {
                if (cleared[i] && !first) {
                    removed[i] += (minute - previousMinute) * clearanceLPerMin[i] * (current[i] + previous[i]) / 2;
                }
            }
            if (timeline != null) {
                boolean last = minute >= durationMin - 1e-9;
                while (nextPoint <= minute + 1e-9) {
                    double w = first || minute == previousMinute ? 1 : (nextPoint - previousMinute)
                            / (minute - previousMinute);
                    timeline.add(point(nextPoint, w));
                    nextPoint += every;
                }
                if (last && (timeline.isEmpty() || timeline.get(timeline.size() - 1).minute() < minute - 0.05)) {
                    timeline.add(point(minute, 1));
                }
            }
            previousMinute = minute;
            for (int i = 0; i < current.length; i++) {
                previous[i] = current[i];
            }
        }

        private TimelinePoint point(double minute, double w) {
            int n = tracked.length;
            boolean calcium = !Double.isNaN(current[n + 1]);
            double[] v = calcium ? pointWithCalcium : point;
            v[0] = Math.round(durationMin > 0 ? processedMl * minute / durationMin : 0);
            v[1] = Rounding.decimals(100 * mix(n, w), 1);
            for (int i = 0; i < n; i++) {
                v[i + 2] = Rounding.significant(mix(i, w), 4);
            }
            if (calcium) {
                v[n + 2] = Rounding.decimals(mix(n + 1, w), 3);
            }
            return TimelinePoint.of(Rounding.decimals(minute, 1), calcium ? namesWithCalcium : names, v);
        }

        private double mix(int i, double w) {
            return w >= 1 ? current[i] : previous[i] + (current[i] - previous[i]) * w;
        }
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
