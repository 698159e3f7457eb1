package org.openapheresis.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.TimelinePoint;
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
                v -> planOutcome(Planner.plan(request, PlanOptions.withTimeline().with(v).numbersOnly())));
    }

    /** Bands for a course. */
    public static Bands course(CourseRequest course, int patients, long seed) {
        requireCount(patients);
        return bands(patients, seed, EnumSet.allOf(Parameter.class), COURSE_GRID_MIN,
                v -> courseOutcome(CoursePlanner.plan(course, PlanOptions.withTimeline().with(v).numbersOnly())));
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

    /** What one virtual patient's plan reported: its values, and its time course as the bands read it. */
    record Outcome(Map<String, Double> scalars, TimeCourse timeline) {
    }

    /**
     * One patient's time course as its plan reported it, in arrays: the sample minutes ascending (a minute reported
     * twice keeps its later point, as where a session begins at the minute the time between sessions ends), and per
     * name its value at each minute, NaN where that point does not carry the name.
     *
     * @param minutes the sample minutes, ascending
     * @param firstNames the names the first point carries, in its order
     * @param values per name, one value per minute
     */
    record TimeCourse(double[] minutes, List<String> firstNames, Map<String, double[]> values) {

        static final TimeCourse EMPTY = new TimeCourse(new double[0], List.of(), Map.of());

        boolean isEmpty() {
            return minutes.length == 0;
        }

        double last() {
            return minutes[minutes.length - 1];
        }
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
        int failed = 0;
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (outcomes[i] == null) {
                failed++;
                continue;
            }
            for (var e : outcomes[i].scalars().entrySet()) {
                double[] values = series.computeIfAbsent(e.getKey(), k -> filled(n));
                values[i] = e.getValue() == null ? Double.NaN : e.getValue();
            }
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

    private static double[] filled(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * The time course on a fixed grid ({@code every} minutes from 0): each patient's timeline interpolated linearly
     * onto it (patients differ in run time, so their samples differ), a grid minute kept when at least half the
     * planned patients reach it. The grid is banded in blocks of minutes ({@link #GRID_BLOCKS}), the blocks on all
     * cores.
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
            last = Math.max(last, o.timeline().last());
            for (String name : o.timeline().firstNames()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        int points = (int) Math.floor(last / every + 1e-9) + 1;
        final int half = planned;
        double[][][] own = new double[n][names.size()][];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < names.size(); j++) {
                own[i][j] = outcomes[i] == null ? null : outcomes[i].timeline().values().get(names.get(j));
            }
        });
        int block = Math.max(GRID_BLOCK_MIN, (points + GRID_BLOCKS - 1) / GRID_BLOCKS);
        int blocks = (points + block - 1) / block;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> timePoints(outcomes, own, names, b * block, Math.min(points, (b + 1) * block), every,
                        half))
                .flatMap(List::stream).toList();
    }

    /**
     * The grid is banded in about this many blocks of minutes (enough to share among the cores), each of at least
     * {@link #GRID_BLOCK_MIN} minutes: a patient's time course is read once per block rather than once per grid minute
     * (its arrays stay in cache), and a block's values (minutes x names x patients) stay a few MB. How the grid is cut
     * does not change a band.
     */
    static final int GRID_BLOCKS = 8;
    /** The fewest grid minutes in a block. */
    static final int GRID_BLOCK_MIN = 4;

    /**
     * The bands at grid minutes {@code from} (inclusive) to {@code to} (exclusive), each left out when fewer than
     * half the {@code planned} patients reach it: each patient's values ({@code own[patient][name]}) linear between
     * its samples either side of the minute (the sample at it when there is one), NaN where either lacks the name.
     */
    private static List<Bands.TimePoint> timePoints(Outcome[] outcomes, double[][][] own, List<String> names,
            int from, int to, double every, int planned) {
        int n = outcomes.length;
        int k = names.size();
        int count = to - from;
        double[][][] values = new double[count][k][n];
        int[] reached = new int[count];
        for (int i = 0; i < n; i++) {
            TimeCourse t = outcomes[i] == null ? TimeCourse.EMPTY : outcomes[i].timeline();
            double[] minutes = t.minutes();
            // the samples either side of each grid minute: searched for the block's first minute, then walked
            // forward (the grid and the samples both ascend), as floor and ceiling would find them
            int lo = floor(minutes, from * every + 1e-9);
            int hi = ceiling(minutes, from * every - 1e-9);
            for (int g = 0; g < count; g++) {
                double minute = (from + g) * every;
                while (lo + 1 < minutes.length && minutes[lo + 1] <= minute + 1e-9) {
                    lo++;
                }
                while (hi < minutes.length && minutes[hi] < minute - 1e-9) {
                    hi++;
                }
                if (lo < 0 || hi >= minutes.length) {
                    for (int j = 0; j < k; j++) {
                        values[g][j][i] = Double.NaN;
                    }
                    continue;
                }
                reached[g]++;
                double w = hi == lo ? 0 : (minute - minutes[lo]) / (minutes[hi] - minutes[lo]);
                for (int j = 0; j < k; j++) {
                    double[] v = own[i][j];
                    values[g][j][i] = v == null ? Double.NaN : v[lo] + (v[hi] - v[lo]) * w;
                }
            }
        }
        List<Bands.TimePoint> out = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            if (2 * reached[g] < planned || reached[g] == 0) {
                continue;
            }
            Map<String, List<Double>> bands = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) {
                List<Double> band = bandInPlace(values[g][j]);
                if (band != null) {
                    bands.put(names.get(j), band);
                }
            }
            out.add(new Bands.TimePoint((from + g) * every, bands));
        }
        return out;
    }

    /** The last index whose minute is at most {@code x}, -1 when none. */
    private static int floor(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** The first index whose minute is at least {@code x}, the length when none. */
    private static int ceiling(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The 5th, 50th and 95th percentiles (linear between order statistics) of the values that are not NaN. Only the
     * order statistics the percentiles need are selected (quickselect), not the whole series sorted; a zero among
     * them takes the sign a sort would have given it.
     */
    static List<Double> band(double[] values) {
        return bandInPlace(values.clone());
    }

    /** {@link #band}, reordering {@code v} itself (a block's values at one grid minute, read by nobody after). */
    private static List<Double> bandInPlace(double[] v) {
        int m = 0;
        int belowZero = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!Double.isNaN(x)) {
                v[m++] = x;
                if (x < 0 || x == 0 && Double.doubleToRawLongBits(x) != 0) {
                    belowZero++;
                }
            }
        }
        if (m == 0) {
            return null;
        }
        int[] wanted = new int[2 * PERCENTILES.size()];
        int count = 0;
        for (int p : PERCENTILES) {
            double rank = p / 100.0 * (m - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(m - 1, lo + 1);
            for (int idx : new int[] {lo, hi}) {
                if (count == 0 || wanted[count - 1] != idx) {
                    wanted[count++] = idx;
                }
            }
        }
        select(v, 0, m - 1, wanted, 0, count);
        List<Double> out = new ArrayList<>(3);
        for (int p : PERCENTILES) {
            double rank = p / 100.0 * (m - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(m - 1, lo + 1);
            double a = signed(v[lo], lo, belowZero);
            double b = signed(v[hi], hi, belowZero);
            out.add(Rounding.significant(a + (b - a) * (rank - lo), 4));
        }
        return out;
    }

    /** A zero at sorted position {@code k}: -0.0 among the first {@code belowZero} (negatives and -0.0), else 0.0. */
    private static double signed(double x, int k, int belowZero) {
        return x != 0 ? x : k < belowZero ? -0.0 : 0.0;
    }

    /**
     * Puts the order statistics {@code ks[kFrom..kTo)} (ascending) of {@code a[from..to]} at their sorted positions:
     * quickselect with Hoare partitioning about a median of three, into the sides that hold a wanted position.
     */
    private static void select(double[] a, int from, int to, int[] ks, int kFrom, int kTo) {
        while (kFrom < kTo) {
            if (to - from < 16) {
                Arrays.sort(a, from, to + 1);
                return;
            }
            int mid = (from + to) >>> 1;
            double x = a[from];
            double y = a[mid];
            double z = a[to];
            double pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = from;
            int j = to;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double s = a[i];
                    a[i] = a[j];
                    a[j] = s;
                    i++;
                    j--;
                }
            }
            int split = kFrom;
            while (split < kTo && ks[split] <= j) {
                split++;
            }
            select(a, from, j, ks, kFrom, split);
            while (split < kTo && ks[split] < i) {
                split++;
            }
            kFrom = split;
            from = i;
        }
    }

    private static List<Bands.Drivers> sensitivity(Variation[] draws, Outcome[] outcomes, Map<String, double[]> series,
            Set<Parameter> variedInRun) {
        List<Parameter> varied = Arrays.stream(Parameter.values())
                .filter(p -> variedInRun.contains(p) && p.spread().kind() != Spread.Kind.FIXED).toList();
        int[] planned = IntStream.range(0, outcomes.length).filter(i -> outcomes[i] != null).toArray();
        Map<Parameter, double[]> parameterRanks = new LinkedHashMap<>();
        Map<Parameter, double[]> centredRanks = new LinkedHashMap<>();
        for (Parameter p : varied) {
            double[] f = new double[planned.length];
            for (int j = 0; j < planned.length; j++) {
                f[j] = draws[planned[j]].factor(p);
            }
            double[] r = ranks(f);
            parameterRanks.put(p, r);
            centredRanks.put(p, centred(r));
        }
        List<Map.Entry<String, double[]>> outputs = new ArrayList<>(series.entrySet());
        double floor = noiseFloor(planned.length);
        return IntStream.range(0, outputs.size()).parallel().mapToObj(o -> {
            double[] values = outputs.get(o).getValue();
            double[] y = new double[planned.length];
            for (int j = 0; j < planned.length; j++) {
                y[j] = values[planned[j]];
                if (Double.isNaN(y[j])) {
                    return null;
                }
            }
            if (planned.length < 3) {
                return null;
            }
            List<Bands.Driver> drivers = drivers(varied, parameterRanks, centredRanks, ranks(y), floor);
            return drivers.isEmpty() ? null : new Bands.Drivers(outputs.get(o).getKey(), drivers);
        }).filter(d -> d != null).toList();
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
            Map<Parameter, double[]> centredRanks, double[] outputRanks, double floor) {
        // A candidate's direction is its centred ranks less their projections on the drivers already named (an
        // orthonormal basis), and the residual is orthogonal to that basis; so the candidate's correlation with
        // the residual needs only its dot with the residual and its running sum of squared projections, not the
        // projected direction itself, which is built for the one named.
        double[] residual = centred(outputRanks);
        int k = varied.size();
        double[][] c = new double[k][];
        double[] squaredNorm = new double[k];
        for (int p = 0; p < k; p++) {
            c[p] = centredRanks.get(varied.get(p));
            squaredNorm[p] = dot(c[p], c[p]);
        }
        boolean[] named = new boolean[k];
        List<double[]> basis = new ArrayList<>();
        List<Bands.Driver> out = new ArrayList<>();
        while (out.size() < DRIVERS_PER_OUTPUT) {
            int best = -1;
            double bestAbs = floor;
            double residualNorm = dot(residual, residual);
            for (int p = 0; p < k; p++) {
                if (named[p]) {
                    continue;
                }
                double norms = Math.sqrt(Math.max(0, squaredNorm[p]) * residualNorm);
                double r = norms == 0 ? Double.NaN : dot(c[p], residual) / norms;
                if (Math.abs(r) > bestAbs) {
                    bestAbs = Math.abs(r);
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            double[] direction = c[best].clone();
            for (double[] b : basis) {
                double along = dot(direction, b);
                for (int i = 0; i < direction.length; i++) {
                    direction[i] -= along * b[i];
                }
            }
            double length = Math.sqrt(dot(direction, direction));
            for (int i = 0; i < direction.length; i++) {
                direction[i] /= length;
            }
            double along = dot(residual, direction);
            for (int i = 0; i < residual.length; i++) {
                residual[i] -= along * direction[i];
            }
            basis.add(direction);
            named[best] = true;
            for (int p = 0; p < k; p++) {
                if (!named[p]) {
                    double projection = dot(c[p], direction);
                    squaredNorm[p] -= projection * projection;
                }
            }
            Parameter chosen = varied.get(best);
            out.add(new Bands.Driver(chosen.code(), Rounding.decimals(pearson(parameterRanks.get(chosen), outputRanks), 2)));
        }
        return out;
    }

    private static double[] centred(double[] x) {
        double mean = x.length == 0 ? 0 : mean(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - mean;
        }
        return out;
    }

    /** The mean, summed as {@code DoubleStream.average} sums (with Kahan compensation), so it is the same value. */
    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
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

    /**
     * Ranks (1..n, ties averaged) of values that are not NaN: a value's rank is the mean of the first and the last
     * position it holds in the sorted values, its position found by one binary search (no boxed indices sorted).
     */
    static double[] ranks(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // each sorted position's rank: the mean of the first and last position of its run of equal values (== as
        // the searches compare, so -0.0 and 0.0 share a run)
        double[] rankAt = new double[sorted.length];
        for (int a = 0; a < sorted.length;) {
            int b = a;
            while (b + 1 < sorted.length && sorted[b + 1] == sorted[a]) {
                b++;
            }
            Arrays.fill(rankAt, a, b + 1, (a + b) / 2.0 + 1);
            a = b + 1;
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Double.isNaN(x[i]) ? (ceiling(sorted, x[i]) + floor(sorted, x[i])) / 2.0 + 1
                    : rankAt[ceiling(sorted, x[i])];
        }
        return r;
    }

    /** Pearson correlation, NaN when either series is constant. */
    static double pearson(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
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
        return new Outcome(s, timeCourse(p.timeline()));
    }

    static Outcome courseOutcome(CourseResult c) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (int i = 0; i < c.sessions().size(); i++) {
            predicted(c.sessions().get(i), sessionPrefix(i), s);
        }
        for (var e : c.summary().entrySet()) {
            CourseResult.AnalyteSummary a = e.getValue();
            s.put(key("predicted.summary.", e.getKey(), ".afterLastSession"), a.afterLastSession());
            s.put(key("predicted.summary.", e.getKey(), ".atNextScheduledTime"), a.atNextScheduledTime());
            if (a.totalBodyRemovedPercent() != null) {
                s.put(key("predicted.summary.", e.getKey(), ".totalBodyRemovedPercent"), a.totalBodyRemovedPercent());
            }
        }
        return new Outcome(s, timeCourse(c.timeline()));
    }

    private static void predicted(Plan p, String prefix, Map<String, Double> s) {
        Map<String, String[]> byName = PREDICTED_KEYS.computeIfAbsent(prefix, x -> new ConcurrentHashMap<>());
        for (var e : p.predicted().entrySet()) {
            Plan.Prediction v = e.getValue();
            String[] keys = byName.computeIfAbsent(e.getKey(), name -> new String[] {prefix + name + ".post",
                prefix + name + ".changePercent", prefix + name + ".nadir"});
            s.put(keys[0], v.post());
            put(s, keys[1], v.changePercent());
            put(s, keys[2], v.nadir());
        }
    }

    /** A prediction's three output names per prefix and analyte, built once rather than for every virtual patient. */
    private static final Map<String, Map<String, String[]>> PREDICTED_KEYS = new ConcurrentHashMap<>();

    /** Output names, built once rather than concatenated for every virtual patient. */
    private static final Map<String, Map<String, Map<String, String>>> KEYS = new ConcurrentHashMap<>();

    /** {@code prefix + name + suffix}, from {@link #KEYS}. */
    private static String key(String prefix, String name, String suffix) {
        return KEYS.computeIfAbsent(prefix, x -> new ConcurrentHashMap<>()).computeIfAbsent(name, x -> new ConcurrentHashMap<>())
                .computeIfAbsent(suffix, x -> prefix + name + suffix);
    }

    /** {@code predicted.sessions[i].}, from {@link #KEYS}. */
    private static String sessionPrefix(int i) {
        return key("predicted.sessions[", Integer.toString(i), "].");
    }

    /**
     * A plan's timeline as the bands read it, without copying its points: ascending minutes (a minute reported twice
     * keeps its later point, as a map keyed by minute would), each name's values, the processed volume left out.
     */
    static TimeCourse timeCourse(List<Map<String, Double>> points) {
        if (points == null || points.isEmpty()) {
            return TimeCourse.EMPTY;
        }
        List<Map<String, Double>> ordered = points;
        for (int i = 1; i < points.size(); i++) {
            if (Double.compare(minute(points.get(i)), minute(points.get(i - 1))) < 0) {
                TreeMap<Double, Map<String, Double>> sorted = new TreeMap<>();
                points.forEach(p -> sorted.put(minute(p), p));
                ordered = new ArrayList<>(sorted.values());
                break;
            }
        }
        double[] minutes = new double[ordered.size()];
        List<Map<String, Double>> kept = new ArrayList<>(ordered.size());
        for (Map<String, Double> p : ordered) {
            double minute = minute(p);
            if (!kept.isEmpty() && Double.compare(minute, minutes[kept.size() - 1]) == 0) {
                kept.set(kept.size() - 1, p);
            } else {
                minutes[kept.size()] = minute;
                kept.add(p);
            }
        }
        int m = kept.size();
        Map<String, double[]> values = new LinkedHashMap<>();
        String[] seen = new String[0];
        double[][] arrays = new double[0][];
        TimelinePoint.Names shape = null;
        double[][] columns = null;
        for (int j = 0; j < m; j++) {
            if (kept.get(j) instanceof TimelinePoint p) {
                // the same reading by position, without boxing: the columns are looked up once per run of points
                // that share their names
                if (p.names() != shape) {
                    shape = p.names();
                    columns = new double[shape.size()][];
                    for (int k = 0; k < columns.length; k++) {
                        columns[k] = p.name(k).equals("processedVolumeMl") ? null
                                : values.computeIfAbsent(p.name(k), x -> filled(m));
                    }
                }
                for (int k = 0; k < columns.length; k++) {
                    if (columns[k] != null) {
                        columns[k][j] = p.value(k);
                    }
                }
                continue;
            }
            int position = 0;
            for (var e : kept.get(j).entrySet()) {
                String name = e.getKey();
                if (position >= seen.length) {
                    seen = Arrays.copyOf(seen, position + 1);
                    arrays = Arrays.copyOf(arrays, position + 1);
                }
                if (name != seen[position]) {
                    seen[position] = name;
                    arrays[position] = name.equals("minute") || name.equals("processedVolumeMl") ? null
                            : values.computeIfAbsent(name, x -> filled(m));
                }
                if (arrays[position] != null && e.getValue() != null) {
                    arrays[position][j] = e.getValue();
                }
                position++;
            }
        }
        List<String> firstNames = new ArrayList<>(kept.get(0).keySet());
        firstNames.remove("minute");
        firstNames.remove("processedVolumeMl");
        return new TimeCourse(Arrays.copyOf(minutes, m), List.copyOf(firstNames), values);
    }

    /** A timeline point's minute. */
    private static double minute(Map<String, Double> point) {
        return point instanceof TimelinePoint p ? p.minute() : point.get(TimelinePoint.MINUTE);
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
