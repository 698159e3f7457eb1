package org.openapheresis.kinetics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/**
 * How one analyte moves between its pools, with sources.
 *
 * <pre>
 * dIv/dt = -removal(t) Iv + added(t) - kOut Iv + kIn Ev - kCat Iv + synthesis
 * dEv/dt =  kOut Iv - kIn Ev - kCat Ev
 * </pre>
 * Catabolism acts on the whole body pool with half-life t1/2 at the patient's baseline (kCat = ln 2 / t1/2);
 * where it is saturable (IgG, salvaged by the neonatal Fc receptor FcRn) the fractional rate follows the
 * plasma concentration C: kCat(C) = kCat (C / C0)^b, with C0 the patient's baseline and b the exponent
 * ({@code catabolismExponent}, 0 for first-order catabolism). Synthesis is constant at the rate that balances
 * catabolism at the baseline; kIn is set so that the baseline is a steady state with the stated
 * intravascular fraction.
 *
 * @param analyte the analyte
 * @param space the volume its concentration refers to
 * @param intravascularFraction share of the body pool inside the circulation at steady state, (0, 1]
 * @param escapeRatePerHour fraction of the intravascular pool that moves out per hour (transcapillary escape)
 * @param halfLifeHours whole-body half-life at the baseline (catabolism, or return to baseline for cells), hours
 * @param catabolismExponent b in kCat(C) = kCat (C / C0)^b: 0 for first-order catabolism, above 0 when the
 *     fractional catabolic rate rises with the level (FcRn saturation)
 */
public record AnalyteKinetics(Analyte analyte, Space space, Sourced intravascularFraction, Sourced escapeRatePerHour,
        Sourced halfLifeHours, Sourced catabolismExponent) {

    /** First-order catabolism (the fractional rate does not depend on the level). */
    public static final Sourced FIRST_ORDER = Sourced.verified(0, "", "first-order catabolism");

    /** A varied constant's source text, made once per source rather than for every virtual patient. */
    private static final Map<String, String> VARIED_SOURCES = new ConcurrentHashMap<>();

    /** Kinetics with first-order catabolism. */
    public AnalyteKinetics(Analyte analyte, Space space, Sourced intravascularFraction, Sourced escapeRatePerHour,
            Sourced halfLifeHours) {
        this(analyte, space, intravascularFraction, escapeRatePerHour, halfLifeHours, FIRST_ORDER);
    }

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
        Objects.requireNonNull(catabolismExponent, "catabolismExponent");
        if (!(catabolismExponent.value() >= 0 && catabolismExponent.value() <= 3)) {
            throw new IllegalArgumentException("catabolism exponent must be in 0..3, was " + catabolismExponent.value());
        }
    }

    /**
     * A copy with each constant multiplied by a factor (a virtual patient of a Monte Carlo run); the sources say
     * the value was varied. Factors of exactly 1 keep the constant as it is.
     *
     * @throws IllegalArgumentException when a factor takes a constant out of its range (a fraction above 1)
     */
    public AnalyteKinetics varied(double fractionFactor, double escapeFactor, double halfLifeFactor,
            double exponentFactor) {
        return new AnalyteKinetics(analyte, space, scaled(intravascularFraction, fractionFactor),
                scaled(escapeRatePerHour, escapeFactor), scaled(halfLifeHours, halfLifeFactor),
                scaled(catabolismExponent, exponentFactor));
    }

    private static Sourced scaled(Sourced s, double factor) {
        return factor == 1 ? s : new Sourced(s.value() * factor, s.unit(), VARIED_SOURCES.computeIfAbsent(s.source(),
                x -> x + ", varied"), s.verified());
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

    /** True when the fractional catabolic rate depends on the level. */
    public boolean saturable() {
        return catabolismExponent.value() != 0;
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
        if (saturable()) {
            return List.of(
                    intravascularFraction.describe(name + ": intravascular fraction"),
                    escapeRatePerHour.describe(name + ": transcapillary escape"),
                    halfLifeHours.describe(name + ": half-life at the patient's baseline"),
                    catabolismExponent.describe(name + ": the fractional catabolic rate follows (level / baseline)"
                            + " to the power"));
        }
        return List.of(
                intravascularFraction.describe(name + ": intravascular fraction"),
                escapeRatePerHour.describe(name + ": transcapillary escape"),
                halfLifeHours.describe(name + ": half-life"));
    }
}
