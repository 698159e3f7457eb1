package org.openapheresis.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Range;
import org.openapheresis.system.Rounding;
import org.openapheresis.variation.Bands;
import org.openapheresis.variation.Parameter;
import org.openapheresis.variation.Spread;
import org.openapheresis.variation.Variation;

/**
 * The Monte Carlo behind the bands. Virtual patient i draws every parameter from a generator seeded by (seed, i)
 * alone, so the bands do not depend on how many threads ran them or in which order; the patients run on all
 * cores. Each is planned by the same planner as the plan itself; the bands are percentiles of the values the plan
 * reports (rounded as reported) and of its time course.
 */
public final class Uncertainty {

    /** Virtual patients a request may ask for. */
    public static final Range VIRTUAL_PATIENTS = Range.of(10, 10000);
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20261201L;
    /** The percentiles of every band. */
    public static final List<Integer> PERCENTILES = List.of(5, 50, 95);
    /** Grid of a course's time course bands, minutes. */
    public static final double COURSE_GRID_MIN = 60;
    /** Drivers reported per output. */
    static final int DRIVERS_PER_OUTPUT = 3;
    /** Standard deviations of a chance rank correlation below which a parameter is not named as a driver. */
    static final double NOISE_FLOOR_SD = 3;

    private Uncertainty() {
    }

    /** Bands for one plan: {@code patients} virtual patients from {@code seed}. */
    public static Bands plan(PlanRequest request, int patients, long seed) {
        return plan(request, patients, seed, EnumSet.allOf(Parameter.class));
    }

    /**
     * Bands for one plan in which only the {@code varied} parameters vary; the others keep their published value.
     * The sensitivity ranking then names only varied parameters.
     */
    static Bands plan(PlanRequest request, int patients, long seed, Set<Parameter> varied) {
        requireCount(patients);
        return bands(patients, seed, varied, PlanOptions.DEFAULT_TIMELINE_EVERY_MIN,
                v -> planOutcome(Planner.plan(request, PlanOptions.withTimeline().with(v))));
    }

    /** Bands for a course. */
    public static Bands course(CourseRequest course, int patients, long seed) {
        requireCount(patients);
        return bands(patients, seed, EnumSet.allOf(Parameter.class), COURSE_GRID_MIN,
                v -> courseOutcome(CoursePlanner.plan(course, PlanOptions.withTimeline().with(v))));
    }

    /** The draw of virtual patient {@code index} of a run seeded {@code seed}. */
    public static Variation virtualPatient(long seed, int index) {
        return virtualPatient(seed, index, EnumSet.allOf(Parameter.class));
    }

    private static Variation virtualPatient(long seed, int index, Set<Parameter> varied) {
        return Variation.sample(new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index)), varied);
    }

    private static void requireCount(int patients) {
        VIRTUAL_PATIENTS.require("uncertainty", patients);
    }

    /** What one virtual patient's plan reported. */
    record Outcome(Map<String, Double> scalars, Map<Double, Map<String, Double>> timeline) {
    }

    private static Bands bands(int n, long seed, Set<Parameter> varied, double gridMin, Function<Variation, Outcome> run) {
        Variation[] draws = new Variation[n];
        Outcome[] outcomes = new Outcome[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            draws[i] = virtualPatient(seed, i, varied);
            try {
                outcomes[i] = run.apply(draws[i]);
            } catch (InvalidInputException e) {
                outcomes[i] = null;
            }
        });
        int failed = (int) Arrays.stream(outcomes).filter(o -> o == null).count();
        Set<String> keys = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            if (o != null) {
                keys.addAll(o.scalars().keySet());
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String k : keys) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                Double v = outcomes[i] == null ? null : outcomes[i].scalars().get(k);
                values[i] = v == null ? Double.NaN : v;
            }
            series.put(k, values);
        }
        Map<String, Map<String, List<Double>>> predicted = new LinkedHashMap<>();
        Map<String, List<Double>> quantities = new LinkedHashMap<>();
        for (var e : series.entrySet()) {
            List<Double> band = band(e.getValue());
            if (band == null) {
                continue;
            }
            String key = e.getKey();
            if (key.startsWith("predicted.")) {
                String rest = key.substring("predicted.".length());
                int dot = rest.lastIndexOf('.');
                predicted.computeIfAbsent(rest.substring(0, dot), x -> new LinkedHashMap<>()).put(rest.substring(dot + 1),
                        band);
            } else {
                quantities.put(key, band);
            }
        }
        return new Bands(n, seed, PERCENTILES, failed, predicted, quantities, timeline(outcomes, gridMin),
                sensitivity(draws, outcomes, series, varied), parameters(varied));
    }

    /**
     * The time course on a fixed grid ({@code every} minutes from 0): each patient's timeline interpolated linearly
     * onto it (patients differ in run time, so their samples differ), a grid minute kept when at least half the
     * planned patients reach it.
     */
    private static List<Bands.TimePoint> timeline(Outcome[] outcomes, double every) {
        int n = outcomes.length;
        int planned = 0;
        double last = 0;
        List<String> names = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o == null || o.timeline().isEmpty()) {
                continue;
            }
            planned++;
            last = Math.max(last, ((TreeMap<Double, Map<String, Double>>) o.timeline()).lastKey());
            for (String name : o.timeline().values().iterator().next().keySet()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        int points = (int) Math.floor(last / every + 1e-9) + 1;
        double[][][] values = new double[names.size()][points][n];
        int[] reached = new int[points];
        for (double[][] byName : values) {
            for (double[] v : byName) {
                Arrays.fill(v, Double.NaN);
            }
        }
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes[i];
            if (o == null || o.timeline().isEmpty()) {
                continue;
            }
            TreeMap<Double, Map<String, Double>> t = (TreeMap<Double, Map<String, Double>>) o.timeline();
            for (int g = 0; g < points; g++) {
                double minute = g * every;
                var lo = t.floorEntry(minute + 1e-9);
                var hi = t.ceilingEntry(minute - 1e-9);
                if (lo == null || hi == null) {
                    continue;
                }
                reached[g]++;
                double w = hi.getKey().equals(lo.getKey()) ? 0 : (minute - lo.getKey()) / (hi.getKey() - lo.getKey());
                for (int k = 0; k < names.size(); k++) {
                    Double a = lo.getValue().get(names.get(k));
                    Double b = hi.getValue().get(names.get(k));
                    if (a != null && b != null) {
                        values[k][g][i] = a + (b - a) * w;
                    }
                }
            }
        }
        List<Bands.TimePoint> out = new ArrayList<>();
        for (int g = 0; g < points; g++) {
            if (2 * reached[g] < planned || reached[g] == 0) {
                continue;
            }
            Map<String, List<Double>> bands = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                List<Double> band = band(values[k][g]);
                if (band != null) {
                    bands.put(names.get(k), band);
                }
            }
            out.add(new Bands.TimePoint(g * every, bands));
        }
        return out;
    }

    /** The 5th, 50th and 95th percentiles (linear between order statistics) of the values that are not NaN. */
    static List<Double> band(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return null;
        }
        Arrays.sort(v);
        List<Double> out = new ArrayList<>(3);
        for (int p : PERCENTILES) {
            double rank = p / 100.0 * (v.length - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(v.length - 1, lo + 1);
            out.add(Rounding.significant(v[lo] + (v[hi] - v[lo]) * (rank - lo), 4));
        }
        return out;
    }

    private static List<Bands.Drivers> sensitivity(Variation[] draws, Outcome[] outcomes, Map<String, double[]> series,
            Set<Parameter> variedInRun) {
        List<Parameter> varied = Arrays.stream(Parameter.values())
                .filter(p -> variedInRun.contains(p) && p.spread().kind() != Spread.Kind.FIXED).toList();
        int[] planned = IntStream.range(0, outcomes.length).filter(i -> outcomes[i] != null).toArray();
        Map<Parameter, double[]> parameterRanks = new LinkedHashMap<>();
        for (Parameter p : varied) {
            double[] f = new double[planned.length];
            for (int j = 0; j < planned.length; j++) {
                f[j] = draws[planned[j]].factor(p);
            }
            parameterRanks.put(p, ranks(f));
        }
        List<Bands.Drivers> out = new ArrayList<>();
        for (var e : series.entrySet()) {
            double[] y = new double[planned.length];
            boolean complete = true;
            for (int j = 0; j < planned.length; j++) {
                y[j] = e.getValue()[planned[j]];
                complete &= !Double.isNaN(y[j]);
            }
            if (!complete || planned.length < 3) {
                continue;
            }
            double[] ry = ranks(y);
            List<Bands.Driver> drivers = drivers(varied, parameterRanks, ry, noiseFloor(planned.length));
            if (drivers.isEmpty()) {
                continue;
            }
            out.add(new Bands.Drivers(e.getKey(), drivers));
        }
        return out;
    }

    /**
     * The drivers of one output, by forward selection on ranks: the parameter whose ranks correlate most with what
     * of the output's ranks the drivers already named leave unexplained (at first, the output's ranks themselves),
     * named when that correlation clears the noise floor; then the next, up to {@link #DRIVERS_PER_OUTPUT}. A
     * parameter whose draws happen to correlate with a stronger driver's (a chance correlation between two inputs
     * of a few hundred patients) is so not named for the stronger driver's effect. Each driver reports its plain
     * Spearman rho with the output.
     */
    private static List<Bands.Driver> drivers(List<Parameter> varied, Map<Parameter, double[]> parameterRanks,
            double[] outputRanks, double floor) {
        double[] residual = centred(outputRanks);
        List<double[]> basis = new ArrayList<>();
        List<Parameter> named = new ArrayList<>();
        List<Bands.Driver> out = new ArrayList<>();
        while (out.size() < DRIVERS_PER_OUTPUT) {
            Parameter best = null;
            double[] bestDirection = null;
            double bestAbs = floor;
            for (Parameter p : varied) {
                if (named.contains(p)) {
                    continue;
                }
                double[] x = centred(parameterRanks.get(p));
                for (double[] b : basis) {
                    double along = dot(x, b);
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= along * b[i];
                    }
                }
                double norms = Math.sqrt(dot(x, x) * dot(residual, residual));
                double r = norms == 0 ? Double.NaN : dot(x, residual) / norms;
                if (Math.abs(r) > bestAbs) {
                    bestAbs = Math.abs(r);
                    best = p;
                    bestDirection = x;
                }
            }
            if (best == null) {
                break;
            }
            double length = Math.sqrt(dot(bestDirection, bestDirection));
            for (int i = 0; i < bestDirection.length; i++) {
                bestDirection[i] /= length;
            }
            double along = dot(residual, bestDirection);
            for (int i = 0; i < residual.length; i++) {
                residual[i] -= along * bestDirection[i];
            }
            basis.add(bestDirection);
            named.add(best);
            out.add(new Bands.Driver(best.code(), Rounding.decimals(pearson(parameterRanks.get(best), outputRanks), 2)));
        }
        return out;
    }

    private static double[] centred(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> v - mean).toArray();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * The smallest |rank correlation| reported as a driver for {@code n} patients: 3 / sqrt(n - 1). Without any
     * effect Spearman's rho is about normal with SD 1 / sqrt(n - 1), so a parameter that does not act on an output
     * (a granulocyte efficiency in a plasma exchange) passes this by chance with probability about 0.3%.
     */
    static double noiseFloor(int n) {
        return NOISE_FLOOR_SD / Math.sqrt(n - 1);
    }

    /** Ranks (1..n, ties averaged). */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /** Pearson correlation, NaN when either series is constant. */
    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(Double.NaN);
        double mb = Arrays.stream(b).average().orElse(Double.NaN);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    private static List<Bands.ParameterSpread> parameters(Set<Parameter> varied) {
        List<Bands.ParameterSpread> out = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            out.add(new Bands.ParameterSpread(p.code(), varied.contains(p) ? p.spread().text() : Spread.fixed().text(),
                    p.source()));
        }
        return out;
    }

    static Outcome planOutcome(Plan p) {
        Map<String, Double> s = new LinkedHashMap<>();
        predicted(p, "predicted.", s);
        s.put("bloodVolumeMl", p.bloodVolumeMl());
        s.put("plasmaVolumeMl", p.plasmaVolumeMl());
        if (p.processedVolumeMl() != null) {
            s.put("processedVolumeMl", p.processedVolumeMl());
        }
        s.put("durationMin", p.durationMin());
        s.put("sessionsNeeded", (double) p.sessionsNeeded());
        if (p.anticoagulant() != null) {
            s.put("citrateMgPerKgPerMin", p.anticoagulant().citrateMgPerKgPerMin());
        }
        if (p.collected() != null) {
            put(s, "collected.cd34Cells", p.collected().cd34Cells());
            put(s, "collected.cd34PerKg", p.collected().cd34PerKg());
            put(s, "collected.cd3Cells", p.collected().cd3Cells());
            put(s, "collected.granulocytes", p.collected().granulocytes());
            put(s, "collected.wbcCells", p.collected().wbcCells());
        }
        return new Outcome(s, timeline(p.timeline()));
    }

    static Outcome courseOutcome(CourseResult c) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (int i = 0; i < c.sessions().size(); i++) {
            predicted(c.sessions().get(i), "predicted.sessions[" + i + "].", s);
        }
        for (var e : c.summary().entrySet()) {
            CourseResult.AnalyteSummary a = e.getValue();
            s.put("predicted.summary." + e.getKey() + ".afterLastSession", a.afterLastSession());
            s.put("predicted.summary." + e.getKey() + ".atNextScheduledTime", a.atNextScheduledTime());
            if (a.totalBodyRemovedPercent() != null) {
                s.put("predicted.summary." + e.getKey() + ".totalBodyRemovedPercent", a.totalBodyRemovedPercent());
            }
        }
        return new Outcome(s, timeline(c.timeline()));
    }

    private static void predicted(Plan p, String prefix, Map<String, Double> s) {
        for (var e : p.predicted().entrySet()) {
            Plan.Prediction v = e.getValue();
            s.put(prefix + e.getKey() + ".post", v.post());
            put(s, prefix + e.getKey() + ".changePercent", v.changePercent());
            put(s, prefix + e.getKey() + ".nadir", v.nadir());
        }
    }

    private static Map<Double, Map<String, Double>> timeline(List<Map<String, Double>> points) {
        Map<Double, Map<String, Double>> out = new java.util.TreeMap<>();
        if (points == null) {
            return out;
        }
        for (Map<String, Double> p : points) {
            Map<String, Double> values = new LinkedHashMap<>(p);
            Double minute = values.remove("minute");
            values.remove("processedVolumeMl");
            out.put(minute, values);
        }
        return out;
    }

    private static void put(Map<String, Double> s, String key, Double value) {
        if (value != null) {
            s.put(key, value);
        }
    }

    /** SplitMix64's finaliser: decorrelates neighbouring seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
