package org.openapheresis.kinetics;

import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;

/**
 * Integrates the body over a phase of constant exposure with the classical fourth-order Runge-Kutta
 * method at a fixed step. Fluid volumes change linearly within a phase and are integrated exactly; the
 * analyte pools and the citrate load are integrated by RK4 with the concentration-dependent removal
 * evaluated at each stage's volume.
 */
public final class Simulator {

    /** Receives the state at each sample time. */
    @FunctionalInterface
    public interface Sampler {
        void sample(BodyState state);
    }

    /** Step used during procedures, minutes. */
    public static final double PROCEDURE_STEP_MIN = 0.5;
    /** Step used between procedures, minutes. */
    public static final double BETWEEN_STEP_MIN = 10;

    private Simulator() {
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
        if (!(durationMin >= 0) || !(stepMin > 0)) {
            throw new IllegalArgumentException("duration must be >= 0 and step > 0");
        }
        Analyte[] analytes = start.pools().keySet().toArray(new Analyte[0]);
        int n = analytes.length;
        double[] iv = new double[n];
        double[] ev = new double[n];
        double[] synth = new double[n];
        double[] kOut = new double[n];
        double[] kIn = new double[n];
        double[] kCat = new double[n];
        double[] clear = new double[n];
        double[] add = new double[n];
        boolean[] plasmaSpace = new boolean[n];
        for (int i = 0; i < n; i++) {
            Pools p = start.pools().get(analytes[i]);
            AnalyteKinetics k = start.kinetics().get(analytes[i]);
            iv[i] = p.intravascular();
            ev[i] = p.extravascular();
            synth[i] = p.synthesisPerMin();
            kOut[i] = k.outRatePerMin();
            kIn[i] = k.inRatePerMin();
            kCat[i] = k.catabolicRatePerMin();
            clear[i] = exposure.clearance(analytes[i]);
            add[i] = exposure.added(analytes[i]);
            plasmaSpace[i] = k.space() == Space.PLASMA;
        }
        double plasma0 = start.plasmaVolumeMl();
        double cells0 = start.redCellVolumeMl();
        double dPlasma = exposure.fluidGivenMlPerMin() - exposure.plasmaRemovedMlPerMin();
        double dCells = -exposure.redCellsRemovedMlPerMin();
        double citrate = start.citrateExcessMg();
        double citrateIn = exposure.citrateToPatientMgPerMin();
        double kCit = CitrateKinetics.ELIMINATION_PER_MIN;

        int steps = (int) Math.ceil(durationMin / stepMin - 1e-9);
        double h = steps == 0 ? 0 : durationMin / steps;
        double nextSample = 0;
        double[] k1i = new double[n];
        double[] k1e = new double[n];
        double[] k2i = new double[n];
        double[] k2e = new double[n];
        double[] k3i = new double[n];
        double[] k3e = new double[n];
        double[] k4i = new double[n];
        double[] k4e = new double[n];
        double[] ti = new double[n];
        double[] te = new double[n];

        for (int s = 0; s <= steps; s++) {
            double t = s * h;
            if (sampleEveryMin > 0 && (t >= nextSample - 1e-9 || s == steps)) {
                sampler.sample(state(start, analytes, iv, ev, synth, plasma0 + dPlasma * t, cells0 + dCells * t,
                        citrate, start.minute() + t));
                while (nextSample <= t + 1e-9) {
                    nextSample += sampleEveryMin;
                }
            }
            if (s == steps) {
                break;
            }
            derivatives(iv, ev, synth, kOut, kIn, kCat, clear, add, plasmaSpace, plasma0 + dPlasma * t,
                    cells0 + dCells * t, k1i, k1e);
            stage(iv, ev, k1i, k1e, h / 2, ti, te);
            derivatives(ti, te, synth, kOut, kIn, kCat, clear, add, plasmaSpace, plasma0 + dPlasma * (t + h / 2),
                    cells0 + dCells * (t + h / 2), k2i, k2e);
            stage(iv, ev, k2i, k2e, h / 2, ti, te);
            derivatives(ti, te, synth, kOut, kIn, kCat, clear, add, plasmaSpace, plasma0 + dPlasma * (t + h / 2),
                    cells0 + dCells * (t + h / 2), k3i, k3e);
            stage(iv, ev, k3i, k3e, h, ti, te);
            derivatives(ti, te, synth, kOut, kIn, kCat, clear, add, plasmaSpace, plasma0 + dPlasma * (t + h),
                    cells0 + dCells * (t + h), k4i, k4e);
            for (int i = 0; i < n; i++) {
                iv[i] += h / 6 * (k1i[i] + 2 * k2i[i] + 2 * k3i[i] + k4i[i]);
                ev[i] += h / 6 * (k1e[i] + 2 * k2e[i] + 2 * k3e[i] + k4e[i]);
            }
            // dM/dt = R - k M has an exact solution over a step with constant R.
            double decay = Math.exp(-kCit * h);
            citrate = citrate * decay + citrateIn / kCit * (1 - decay);
        }
        return state(start, analytes, iv, ev, synth, plasma0 + dPlasma * durationMin, cells0 + dCells * durationMin,
                citrate, start.minute() + durationMin);
    }

    private static void stage(double[] iv, double[] ev, double[] di, double[] de, double h, double[] ti, double[] te) {
        for (int i = 0; i < iv.length; i++) {
            ti[i] = iv[i] + h * di[i];
            te[i] = ev[i] + h * de[i];
        }
    }

    private static void derivatives(double[] iv, double[] ev, double[] synth, double[] kOut, double[] kIn,
            double[] kCat, double[] clear, double[] add, boolean[] plasmaSpace, double plasmaMl, double cellsMl,
            double[] di, double[] de) {
        double bloodMl = plasmaMl + cellsMl;
        for (int i = 0; i < iv.length; i++) {
            double space = plasmaSpace[i] ? plasmaMl : bloodMl;
            double removal = clear[i] / space;
            di[i] = -removal * iv[i] + add[i] - kOut[i] * iv[i] + kIn[i] * ev[i] - kCat[i] * iv[i] + synth[i];
            de[i] = kOut[i] * iv[i] - kIn[i] * ev[i] - kCat[i] * ev[i];
        }
    }

    private static BodyState state(BodyState start, Analyte[] analytes, double[] iv, double[] ev, double[] synth,
            double plasmaMl, double cellsMl, double citrateMg, double minute) {
        Map<Analyte, Pools> pools = new EnumMap<>(Analyte.class);
        for (int i = 0; i < analytes.length; i++) {
            pools.put(analytes[i], new Pools(iv[i], ev[i], synth[i]));
        }
        return new BodyState(minute, start.weightKg(), plasmaMl, cellsMl, pools, start.kinetics(), citrateMg,
                start.baselineIonizedCalciumMmolPerL());
    }
}
