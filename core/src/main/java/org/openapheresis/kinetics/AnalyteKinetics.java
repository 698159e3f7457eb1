package org.openapheresis.kinetics;

import java.util.List;
import java.util.Objects;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/**
 * How one analyte moves between its pools, with sources.
 *
 * <pre>
 * dIv/dt = -removal(t) Iv + added(t) - kOut Iv + kIn Ev - kCat Iv + synthesis
 * dEv/dt =  kOut Iv - kIn Ev - kCat Ev
 * </pre>
 * Catabolism acts on the whole body pool with half-life t1/2 (kCat = ln 2 / t1/2); synthesis is constant at
 * the rate that balances catabolism at the patient's baseline; kIn is set so that the baseline is a steady
 * state with the stated intravascular fraction.
 *
 * @param analyte the analyte
 * @param space the volume its concentration refers to
 * @param intravascularFraction share of the body pool inside the circulation at steady state, (0, 1]
 * @param escapeRatePerHour fraction of the intravascular pool that moves out per hour (transcapillary escape)
 * @param halfLifeHours whole-body half-life (catabolism, or return to baseline for cells), hours
 */
public record AnalyteKinetics(Analyte analyte, Space space, Sourced intravascularFraction, Sourced escapeRatePerHour,
        Sourced halfLifeHours) {

    public AnalyteKinetics {
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(space, "space");
        double f = intravascularFraction.value();
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("intravascular fraction must be in (0,1]");
        }
        if (escapeRatePerHour.value() < 0 || !(halfLifeHours.value() > 0)) {
            throw new IllegalArgumentException("escape rate must be >= 0 and half-life > 0");
        }
        if (f == 1 && escapeRatePerHour.value() != 0) {
            throw new IllegalArgumentException("an analyte fully intravascular cannot escape");
        }
    }

    /** Catabolic rate constant, per minute. */
    public double catabolicRatePerMin() {
        return Math.log(2) / (halfLifeHours.value() * 60.0);
    }

    /** Escape (intravascular to extravascular) rate constant, per minute. */
    public double outRatePerMin() {
        return escapeRatePerHour.value() / 60.0;
    }

    /**
     * Return (extravascular to intravascular) rate constant, per minute, chosen so that the stated
     * intravascular fraction is a steady state: kOut Iv = (kIn + kCat) Ev.
     */
    public double inRatePerMin() {
        double f = intravascularFraction.value();
        if (f == 1) {
            return 0;
        }
        return Math.max(0, outRatePerMin() * f / (1 - f) - catabolicRatePerMin());
    }

    /** A copy without redistribution, synthesis or catabolism: the one-compartment limit. */
    public AnalyteKinetics oneCompartment() {
        return new AnalyteKinetics(analyte, space,
                Sourced.verified(1, "", "one-compartment limit"),
                Sourced.verified(0, "/h", "one-compartment limit"),
                Sourced.verified(1e12, "h", "one-compartment limit"));
    }

    /** Sentences for a plan's assumptions. */
    public List<String> describe() {
        String name = analyte.predictedName();
        return List.of(
                intravascularFraction.describe(name + ": intravascular fraction"),
                escapeRatePerHour.describe(name + ": transcapillary escape"),
                halfLifeHours.describe(name + ": half-life"));
    }
}
