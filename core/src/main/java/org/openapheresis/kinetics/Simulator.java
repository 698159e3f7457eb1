package org.openapheresis.kinetics;

import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;

/**
 * Integrates the body over a phase of constant exposure with the classical fourth-order Runge-Kutta method.
 * Fluid volumes change linearly within a phase and are integrated exactly, as is the citrate load (first-order
 * elimination of a constant infusion); the analyte pools and the ionisable calcium pool are integrated by RK4
 * with the concentration-dependent removal, the saturable catabolism and the citrate binding evaluated at each
 * stage. The stepping allocates nothing: a phase allocates its working arrays once and the state it returns.
 *
 * <p>The step is either given (the reference tests) or chosen from the stiffness of the phase
 * ({@link #stepFor}): the fastest rate constant λ of any pool sets h = {@link #ACCURACY_STEP_RATE} / λ, at which
 * RK4's error per step on that mode is below 3e-4 of its deviation, within a cap that keeps the samples a plan
 * inspects (the ionised calcium nadir, the timeline) close enough together.
 */
public final class Simulator {

    /** Receives the state at each sample time (allocates a {@link BodyState} per sample). */
    @FunctionalInterface
    public interface Sampler {
        void sample(BodyState state);
    }

    /** Receives a view of the state at each sample time; the view is reused, so read it, do not keep it. */
    @FunctionalInterface
    public interface Probe {
        void at(Frame frame);
    }

    /** Step used by the reference tests during procedures, minutes. */
    public static final double PROCEDURE_STEP_MIN = 0.5;
    /** Step used by the reference tests between procedures, minutes. */
    public static final double BETWEEN_STEP_MIN = 10;
    /**
     * Largest step during a procedure, minutes; also the interval at which a run is inspected (the ionised calcium
     * nadir, the amounts removed, the timeline between). 5 minutes since 2026-12-03 (2 before): the stiffness of a
     * plasma exchange allows longer steps still, the reference tests pass unchanged, every example's plan and course
     * prints the same figures but one (a white cell count 879 to 880 x 10^9), and the time courses differ by at most
     * 0.44 % (an early ionised calcium point, 1.124 to 1.128 mmol/L); a plan with its time course costs about 40 %
     * less (docs/benchmarks.md, "A longer step during a procedure").
     */
    public static final double PROCEDURE_MAX_STEP_MIN = 5;
    /** Largest step between procedures, minutes. */
    public static final double BETWEEN_MAX_STEP_MIN = 60;
    /** h λ of the fastest mode: RK4's relative error per step on it is (h λ)^5 / 120, 2.6e-4 at 0.5. */
    public static final double ACCURACY_STEP_RATE = 0.5;

    private Simulator() {
    }

    /**
     * The step for a phase from its stiffness: {@link #ACCURACY_STEP_RATE} over the fastest rate constant of
     * any analyte pool (removal, escape, return, catabolism with its saturation), at most {@code maxStepMin}; the
     * calcium pool takes its own sub-steps inside each step.
     */
    public static double stepFor(BodyState start, Exposure exposure, double maxStepMin) {
        double fastest = 0;
        double plasma = start.plasmaVolumeMl();
        double blood = start.bloodVolumeMl();
        for (var e : start.kinetics().entrySet()) {
            AnalyteKinetics k = e.getValue();
            double space = k.space() == Space.PLASMA ? plasma : blood;
            double rate = exposure.clearance(e.getKey()) / space + k.outRatePerMin() + k.inRatePerMin()
                    + k.catabolicRatePerMin() * (1 + 2 * k.catabolismExponent().value());
            fastest = Math.max(fastest, rate);
        }
        return fastest > 0 ? Math.min(maxStepMin, ACCURACY_STEP_RATE / fastest) : maxStepMin;
    }

    /** Runs one phase at the step its stiffness allows, within {@code maxStepMin}. */
    public static BodyState runAuto(BodyState start, Exposure exposure, double durationMin, double maxStepMin,
            double sampleEveryMin, Probe probe) {
        return probed(start, exposure, durationMin, stepFor(start, exposure, maxStepMin), sampleEveryMin, probe);
    }

    /**
     * Runs one phase.
     *
     * @param start the state at the beginning
     * @param exposure constant rates during the phase
     * @param durationMin length of the phase, minutes (>= 0)
     * @param stepMin integration step, minutes
     * @param sampleEveryMin sample interval, minutes, or 0 for no samples; the start and the end are always
     *     sampled when sampling
     * @param sampler receives the samples; may be null when {@code sampleEveryMin} is 0
     * @return the state at the end
     */
    public static BodyState run(BodyState start, Exposure exposure, double durationMin, double stepMin,
            double sampleEveryMin, Sampler sampler) {
        return probed(start, exposure, durationMin, stepMin, sampleEveryMin,
                sampler == null ? null : f -> sampler.sample(f.state()));
    }

    /** As {@link #run(BodyState, Exposure, double, double, double, Sampler)}, sampling through a reused view. */
    public static BodyState probed(BodyState start, Exposure exposure, double durationMin, double stepMin,
            double sampleEveryMin, Probe probe) {
        if (!(durationMin >= 0) || !(stepMin > 0)) {
            throw new IllegalArgumentException("duration must be >= 0 and step > 0");
        }
        Frame f = new Frame(start, exposure);
        int steps = (int) Math.ceil(durationMin / stepMin - 1e-9);
        double h = steps == 0 ? 0 : durationMin / steps;
        double nextSample = 0;
        for (int s = 0; s <= steps; s++) {
            double t = s * h;
            if (sampleEveryMin > 0 && (t >= nextSample - 1e-9 || s == steps)) {
                f.at(t);
                probe.at(f);
                while (nextSample <= t + 1e-9) {
                    nextSample += sampleEveryMin;
                }
            }
            if (s == steps) {
                break;
            }
            f.step(t, h);
        }
        f.at(durationMin);
        return f.state();
    }

    /**
     * The simulated body during a phase, as a reused view: concentrations, haematocrit and ionised calcium at the
     * current sample, without allocating.
     */
    public static final class Frame {

        private final BodyState start;
        private final Analyte[] analytes;
        private final int[] index = new int[Analyte.values().length];
        private final int n;
        private final double[] iv;
        private final double[] ev;
        private final double[] synth;
        private final double[] kOut;
        private final double[] kIn;
        private final double[] kCat;
        private final double[] exponent;
        private final double[] baseline;
        private final double[] clear;
        private final double[] add;
        private final boolean[] plasmaSpace;
        /**
         * Per analyte, the first analyte with the same clearance and space: its removal rate constant at a stage is
         * that one's (a plasma exchange clears four proteins alike), so a stage divides once per group.
         */
        private final int[] sameRemovalAs;
        /** The removal rate constants of the current stage, per minute. */
        private final double[] removalPerMin;
        /**
         * Per analyte, true when its two pools are a linear system with constant coefficients over the phase (nothing
         * cleared, first-order catabolism): it is then advanced by the system's exact solution over a step rather than
         * by RK4 (the same equations; RK4's error on it was up to (h λ)^5 / 120 a step).
         */
        private final boolean[] exact;
        /** The step {@link #propagator} holds, minutes; NaN before the first. */
        private double exactStepMin = Double.NaN;
        /**
         * Per exact analyte, the solution over one step of {@link #exactStepMin}: {@code iv' = m[0] iv + m[1] ev + m[4]},
         * {@code ev' = m[2] iv + m[3] ev + m[5]}.
         */
        private final double[][] propagator;
        private final double[] k1i;
        private final double[] k1e;
        private final double[] k2i;
        private final double[] k2e;
        private final double[] k3i;
        private final double[] k3e;
        private final double[] k4i;
        private final double[] k4e;
        private final double[] ti;
        private final double[] te;
        private final double plasma0;
        private final double cells0;
        private final double dPlasma;
        private final double dCells;
        private final double citrateIn;
        private final double kCit;
        private final CalciumModel calcium;
        private final boolean tracksCalcium;
        private final double calciumOut;
        private final double calciumNet;
        private final double calciumRate;
        private final double calciumSlowRate;
        private final CalciumModel.Exchange calciumExchange;
        /** citrateIn / kCit, the load the infusion tends to. */
        private final double citrateSteadyMg;
        /**
         * exp(-kCit dt/2) and exp(-kCit dt) for the last sub-step dt: the steps of a phase share one length, so the
         * two exponentials are taken once per phase rather than per sub-step (the same values).
         */
        private double decayStepMin = Double.NaN;
        private double halfDecay;
        private double fullDecay;
        /** The citrate load {@link #cachedUnbound} was computed at, mg. */
        private double cachedUnboundCitrateMg = Double.NaN;
        private double cachedUnbound;
        private double citrate;
        private double citrateStepStart;
        private double pool;
        private double minute;

        Frame(BodyState start, Exposure exposure) {
            this.start = start;
            java.util.Arrays.fill(index, -1);
            analytes = start.pools().keySet().toArray(new Analyte[0]);
            n = analytes.length;
            iv = new double[n];
            ev = new double[n];
            synth = new double[n];
            kOut = new double[n];
            kIn = new double[n];
            kCat = new double[n];
            exponent = new double[n];
            baseline = new double[n];
            clear = new double[n];
            add = new double[n];
            plasmaSpace = new boolean[n];
            for (int i = 0; i < n; i++) {
                index[analytes[i].ordinal()] = i;
                Pools p = start.pools().get(analytes[i]);
                AnalyteKinetics k = start.kinetics().get(analytes[i]);
                iv[i] = p.intravascular();
                ev[i] = p.extravascular();
                synth[i] = p.synthesisPerMin();
                kOut[i] = k.outRatePerMin();
                kIn[i] = k.inRatePerMin();
                kCat[i] = k.catabolicRatePerMin();
                exponent[i] = k.saturable() ? k.catabolismExponent().value() : 0;
                baseline[i] = p.baselineConcentration();
                if (exponent[i] != 0 && !(baseline[i] > 0)) {
                    throw new IllegalStateException(analytes[i] + " has saturable catabolism but no baseline level");
                }
                clear[i] = exposure.clearance(analytes[i]);
                add[i] = exposure.added(analytes[i]);
                plasmaSpace[i] = k.space() == Space.PLASMA;
            }
            exact = new boolean[n];
            propagator = new double[n][];
            for (int i = 0; i < n; i++) {
                exact[i] = exponent[i] == 0 && clear[i] == 0 && solvable(i);
            }
            sameRemovalAs = new int[n];
            removalPerMin = new double[n];
            for (int i = 0; i < n; i++) {
                sameRemovalAs[i] = i;
                for (int j = 0; j < i; j++) {
                    if (Double.compare(clear[j], clear[i]) == 0 && plasmaSpace[j] == plasmaSpace[i]) {
                        sameRemovalAs[i] = j;
                        break;
                    }
                }
            }
            k1i = new double[n];
            k1e = new double[n];
            k2i = new double[n];
            k2e = new double[n];
            k3i = new double[n];
            k3e = new double[n];
            k4i = new double[n];
            k4e = new double[n];
            ti = new double[n];
            te = new double[n];
            plasma0 = start.plasmaVolumeMl();
            cells0 = start.redCellVolumeMl();
            dPlasma = exposure.fluidGivenMlPerMin() - exposure.plasmaRemovedMlPerMin();
            dCells = -exposure.redCellsRemovedMlPerMin();
            calcium = start.calcium();
            citrate = start.citrateExcessMg();
            citrateIn = exposure.citrateToPatientMgPerMin();
            kCit = calcium.citrateEliminationPerMin();
            pool = start.calciumPoolFraction();
            tracksCalcium = !Double.isNaN(start.baselineIonizedCalciumMmolPerL());
            calciumOut = exposure.calciumPlasmaOutMlPerMin();
            calciumNet = exposure.calciumGivenMmolPerMin() - exposure.calciumBoundMmolPerMin();
            double outRate = calciumOut / (calcium.calciumSpaceLPerKg() * start.weightKg() * 1000);
            calciumRate = Math.max(calcium.mobilisationPerMin(), calcium.excretionPerMin()) + outRate;
            calciumSlowRate = calcium.mobilisationPerMin() + outRate;
            calciumExchange = tracksCalcium ? calcium.exchange(calciumOut, calciumNet,
                    start.baselineIonizedCalciumMmolPerL(), start.weightKg()) : null;
            citrateSteadyMg = citrateIn / kCit;
            minute = 0;
        }

        void at(double t) {
            minute = t;
        }

        void step(double t, double h) {
            derivatives(iv, ev, t, k1i, k1e);
            stage(iv, ev, k1i, k1e, h / 2);
            derivatives(ti, te, t + h / 2, k2i, k2e);
            stage(iv, ev, k2i, k2e, h / 2);
            derivatives(ti, te, t + h / 2, k3i, k3e);
            stage(iv, ev, k3i, k3e, h);
            derivatives(ti, te, t + h, k4i, k4e);
            if (h != exactStepMin) {
                exactStepMin = h;
                for (int i = 0; i < n; i++) {
                    if (exact[i]) {
                        propagator[i] = propagator(i, h);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (exact[i]) {
                    double[] m = propagator[i];
                    double x = iv[i];
                    double y = ev[i];
                    iv[i] = m[0] * x + m[1] * y + m[4];
                    ev[i] = m[2] * x + m[3] * y + m[5];
                    continue;
                }
                iv[i] += h / 6 * (k1i[i] + 2 * k2i[i] + 2 * k3i[i] + k4i[i]);
                ev[i] += h / 6 * (k1e[i] + 2 * k2e[i] + 2 * k3e[i] + k4e[i]);
            }
            if (tracksCalcium && !(restingCalcium() && citrateIn == 0 && calciumOut == 0 && calciumNet == 0)) {
                // The calcium pool is one scalar: it takes its own sub-steps at its own stiffness (the excretion of
                // an excess is fast), so the slower analyte pools are not held to its step.
                // Below its baseline with nothing given the pool can only climb towards it at the mobilisation
                // rate; otherwise the faster excretion rate may apply within the step.
                double rate = pool < 1 && calciumNet <= 0 ? calciumSlowRate : calciumRate;
                int sub = Math.max(1, (int) Math.ceil(h * rate / ACCURACY_STEP_RATE - 1e-9));
                double dt = h / sub;
                decays(dt);
                for (int k = 0; k < sub; k++) {
                    citrateStepStart = citrate;
                    double c1 = citrateAfter(halfDecay);
                    double c2 = citrateAfter(fullDecay);
                    // each citrate load's unbound share once: the midpoint load serves two stages, the end load the
                    // next sub-step's start
                    double u0 = unbound(citrate);
                    double u1 = calcium.unboundFraction(c1, start.weightKg());
                    double u2 = calcium.unboundFraction(c2, start.weightKg());
                    double q1 = poolRate(pool, u0);
                    double q2 = poolRate(pool + dt / 2 * q1, u1);
                    double q3 = poolRate(pool + dt / 2 * q2, u1);
                    double q4 = poolRate(pool + dt * q3, u2);
                    pool = Math.max(0, pool + dt / 6 * (q1 + 2 * q2 + 2 * q3 + q4));
                    citrate = c2;
                    cachedUnboundCitrateMg = c2;
                    cachedUnbound = u2;
                }
            } else {
                citrateStepStart = citrate;
                // dM/dt = R - k M has an exact solution over a step with constant R.
                decays(h);
                citrate = citrateAfter(fullDecay);
            }
        }

        /**
         * The linear two-pool system of analyte {@code i}, {@code x' = M x + f} with {@code M = [[-(kOut + kCat), kIn],
         * [kOut, -(kIn + kCat)]]} and {@code f = (synthesis + added, 0)}, has real eigenvalues (its discriminant is
         * ((kOut - kIn) / 2)^2 + kOut kIn, never negative). Its exact solution over a step is written here when the
         * pools do not exchange (M diagonal: each pool on its own) or the eigenvalues are distinct by more than a part
         * in a million of the larger (Sylvester's formula); otherwise RK4 keeps the analyte.
         */
        private boolean solvable(int i) {
            if (kOut[i] == 0 && kIn[i] == 0) {
                return true;
            }
            double a = kOut[i] + kCat[i];
            double d = kIn[i] + kCat[i];
            double half = Math.sqrt((a - d) * (a - d) / 4 + kOut[i] * kIn[i]);
            double larger = (a + d) / 2 + half;
            return larger > 0 && 2 * half > 1e-6 * larger;
        }

        /** (e^(l h) - 1) / l, h when l is 0: the integral of e^(l s) from 0 to h. */
        private static double integral(double l, double h) {
            return l == 0 ? h : Math.expm1(l * h) / l;
        }

        /**
         * The exact solution of analyte {@code i}'s two pools over {@code h} minutes (see {@link #solvable}):
         * {@code x(h) = E x(0) + G f} with {@code E = (e^(l1 h) (M - l2 I) - e^(l2 h) (M - l1 I)) / (l1 - l2)} and
         * {@code G} the same with {@code (e^(l h) - 1) / l} (h when l is 0) for {@code e^(l h)}.
         *
         * @return {E11, E12, E21, E22, (G f)1, (G f)2}
         */
        private double[] propagator(int i, double h) {
            double m11 = -(kOut[i] + kCat[i]);
            double m12 = kIn[i];
            double m21 = kOut[i];
            double m22 = -(kIn[i] + kCat[i]);
            double f = synth[i] + add[i];
            if (m12 == 0 && m21 == 0) {
                return new double[] {Math.exp(m11 * h), 0, 0, Math.exp(m22 * h), integral(m11, h) * f, 0};
            }
            double mean = (m11 + m22) / 2;
            double half = Math.sqrt((m11 - m22) * (m11 - m22) / 4 + m12 * m21);
            double l1 = mean + half;
            double l2 = mean - half;
            double e1 = Math.exp(l1 * h);
            double e2 = Math.exp(l2 * h);
            double g1 = integral(l1, h);
            double g2 = integral(l2, h);
            double span = l1 - l2;
            // (M - l2 I) and (M - l1 I), entry by entry
            double a11 = m11 - l2;
            double b11 = m11 - l1;
            double a22 = m22 - l2;
            double b22 = m22 - l1;
            double e11 = (e1 * a11 - e2 * b11) / span;
            double e12 = (e1 * m12 - e2 * m12) / span;
            double e21 = (e1 * m21 - e2 * m21) / span;
            double e22 = (e1 * a22 - e2 * b22) / span;
            double g11 = (g1 * a11 - g2 * b11) / span;
            double g21 = (g1 * m21 - g2 * m21) / span;
            return new double[] {e11, e12, e21, e22, g11 * f, g21 * f};
        }

        /**
         * True when the calcium is at rest: a citrate load under a microgram and the pool within 1e-7 of its
         * baseline (ionised calcium then differs from the baseline by less than 1e-7 of it); the pool is left as it
         * is, and citrate keeps decaying exactly.
         */
        private boolean restingCalcium() {
            return citrate < 1e-3 && Math.abs(pool - 1) < 1e-7;
        }

        /** Sets {@link #halfDecay} and {@link #fullDecay} for a (sub-)step of {@code dt} minutes. */
        private void decays(double dt) {
            if (dt != decayStepMin) {
                decayStepMin = dt;
                halfDecay = Math.exp(-kCit * (dt / 2));
                fullDecay = Math.exp(-kCit * dt);
            }
        }

        /** The citrate load after a time over which the load decays by {@code decay} = exp(-kCit t). */
        private double citrateAfter(double decay) {
            return citrateStepStart * decay + citrateSteadyMg * (1 - decay);
        }

        /** d(Q/Q0)/dt at pool fraction {@code q} where the citrate leaves {@code unboundFraction} of it ionised. */
        private double poolRate(double q, double unboundFraction) {
            return calciumExchange.rate(q) + calcium.homeostasisRate(q * unboundFraction);
        }

        /** {@link CalciumModel#unboundFraction} of a citrate load, kept for the load it was last computed at. */
        private double unbound(double citrateMg) {
            if (citrateMg != cachedUnboundCitrateMg) {
                cachedUnboundCitrateMg = citrateMg;
                cachedUnbound = calcium.unboundFraction(citrateMg, start.weightKg());
            }
            return cachedUnbound;
        }

        private void stage(double[] a, double[] b, double[] da, double[] db, double h) {
            for (int i = 0; i < n; i++) {
                ti[i] = a[i] + h * da[i];
                te[i] = b[i] + h * db[i];
            }
        }

        private void derivatives(double[] pi, double[] pe, double t, double[] di, double[] de) {
            double plasmaMl = plasma0 + dPlasma * t;
            double bloodMl = plasmaMl + cells0 + dCells * t;
            for (int i = 0; i < n; i++) {
                if (exact[i]) {
                    // advanced by its exact solution (nothing cleared: no removal for an analyte cleared alike)
                    removalPerMin[i] = 0;
                    continue;
                }
                double space = plasmaSpace[i] ? plasmaMl : bloodMl;
                double removal = sameRemovalAs[i] == i ? clear[i] / space : removalPerMin[sameRemovalAs[i]];
                removalPerMin[i] = removal;
                double cat = kCat[i];
                if (exponent[i] != 0) {
                    double level = Math.max(0, pi[i]) / space * 1000.0;
                    cat *= Math.pow(level / baseline[i], exponent[i]);
                }
                di[i] = -removal * pi[i] + add[i] - kOut[i] * pi[i] + kIn[i] * pe[i] - cat * pi[i] + synth[i];
                de[i] = kOut[i] * pi[i] - kIn[i] * pe[i] - cat * pe[i];
            }
        }

        /** Minutes since the start of the whole simulation (the phase's start minute plus the time into it). */
        public double minute() {
            return start.minute() + minute;
        }

        /** Minutes since the start of this phase. */
        public double phaseMinute() {
            return minute;
        }

        public double plasmaVolumeMl() {
            return plasma0 + dPlasma * minute;
        }

        public double redCellVolumeMl() {
            return cells0 + dCells * minute;
        }

        public double hematocritFraction() {
            double cells = redCellVolumeMl();
            return cells / (plasmaVolumeMl() + cells);
        }

        /** True when the analyte is tracked. */
        public boolean tracks(Analyte a) {
            return index[a.ordinal()] >= 0;
        }

        /** Intravascular concentration in the analyte's unit, or NaN when not tracked. */
        public double concentration(Analyte a) {
            int i = index[a.ordinal()];
            if (i < 0) {
                return Double.NaN;
            }
            double space = plasmaSpace[i] ? plasmaVolumeMl() : plasmaVolumeMl() + redCellVolumeMl();
            return iv[i] / (space / 1000.0);
        }

        /** Ionised calcium, mmol/L, or NaN when no baseline was measured. */
        public double ionizedCalcium() {
            if (!tracksCalcium) {
                return Double.NaN;
            }
            return start.baselineIonizedCalciumMmolPerL() * (pool * unbound(citrate));
        }

        /** The state at the current sample, as a new {@link BodyState}. */
        public BodyState state() {
            Map<Analyte, Pools> pools = new EnumMap<>(Analyte.class);
            for (int i = 0; i < n; i++) {
                pools.put(analytes[i], new Pools(iv[i], ev[i], synth[i], baseline[i]));
            }
            return new BodyState(minute(), start.weightKg(), plasmaVolumeMl(), redCellVolumeMl(), pools,
                    start.kinetics(), citrate, start.baselineIonizedCalciumMmolPerL(), pool, calcium);
        }
    }
}
