package org.openapheresis.kinetics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.patient.Analyte;

/**
 * The simulated body at one moment: fluid volumes, every tracked analyte's pools, and the citrate load.
 * Immutable; {@link Simulator} returns a new state for each phase it runs.
 *
 * @param minute time since the start of the first simulated procedure, minutes
 * @param weightKg body weight, kg (scales citrate distribution and clearance)
 * @param plasmaVolumeMl circulating plasma volume, mL
 * @param redCellVolumeMl circulating red cell volume, mL
 * @param pools amounts of each tracked analyte
 * @param kinetics how each tracked analyte moves (same keys as {@code pools})
 * @param citrateExcessMg citrate in the body above the patient's own baseline, mg
 * @param baselineIonizedCalciumMmolPerL the patient's ionised calcium without citrate, or NaN if not measured
 * @param calciumPoolFraction the ionisable extracellular calcium relative to the patient's baseline (1 at rest)
 * @param calcium the citrate and calcium constants of this body
 */
public record BodyState(double minute, double weightKg, double plasmaVolumeMl, double redCellVolumeMl,
        Map<Analyte, Pools> pools, Map<Analyte, AnalyteKinetics> kinetics, double citrateExcessMg,
        double baselineIonizedCalciumMmolPerL, double calciumPoolFraction, CalciumModel calcium) {

    /** A body whose calcium is at its baseline, with the published citrate and calcium constants. */
    public BodyState(double minute, double weightKg, double plasmaVolumeMl, double redCellVolumeMl,
            Map<Analyte, Pools> pools, Map<Analyte, AnalyteKinetics> kinetics, double citrateExcessMg,
            double baselineIonizedCalciumMmolPerL) {
        this(minute, weightKg, plasmaVolumeMl, redCellVolumeMl, pools, kinetics, citrateExcessMg,
                baselineIonizedCalciumMmolPerL, 1, CalciumModel.nominal());
    }

    public BodyState {
        Objects.requireNonNull(pools, "pools");
        Objects.requireNonNull(kinetics, "kinetics");
        Objects.requireNonNull(calcium, "calcium");
        if (!(calciumPoolFraction >= 0) || !Double.isFinite(calciumPoolFraction)) {
            throw new IllegalStateException("calcium pool fraction " + calciumPoolFraction + " is impossible");
        }
        pools = Collections.unmodifiableMap(pools.isEmpty() ? new EnumMap<>(Analyte.class) : new EnumMap<>(pools));
        kinetics = Collections.unmodifiableMap(
                kinetics.isEmpty() ? new EnumMap<>(Analyte.class) : new EnumMap<>(kinetics));
        if (!pools.keySet().equals(kinetics.keySet())) {
            throw new IllegalArgumentException("every pool needs its kinetics");
        }
        if (!(plasmaVolumeMl > 0) || !(redCellVolumeMl >= 0)) {
            throw new IllegalStateException("plasma volume " + plasmaVolumeMl + " mL or red cell volume "
                    + redCellVolumeMl + " mL is impossible");
        }
    }

    public double bloodVolumeMl() {
        return plasmaVolumeMl + redCellVolumeMl;
    }

    public double hematocritFraction() {
        return redCellVolumeMl / bloodVolumeMl();
    }

    /** Volume an analyte's concentration refers to, mL. */
    public double spaceMl(Space space) {
        return space == Space.PLASMA ? plasmaVolumeMl : bloodVolumeMl();
    }

    /** Intravascular concentration in the analyte's unit, if tracked. */
    public OptionalDouble concentration(Analyte analyte) {
        Pools p = pools.get(analyte);
        if (p == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(p.intravascular() / (spaceMl(kinetics.get(analyte).space()) / 1000.0));
    }

    /** Ionised calcium given the citrate load, mmol/L, if a baseline was measured. */
    public OptionalDouble ionizedCalcium() {
        if (Double.isNaN(baselineIonizedCalciumMmolPerL)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(baselineIonizedCalciumMmolPerL
                * calcium.ionizedFraction(calciumPoolFraction, citrateExcessMg, weightKg));
    }

    /**
     * A copy that also tracks an analyte, in equilibrium at the given concentration with synthesis balancing
     * catabolism; unchanged when the analyte is already tracked (a later session of a course carries its own
     * simulated pools).
     *
     * @param k the analyte's kinetics
     * @param concentration its concentration in its unit
     */
    public BodyState withAnalyte(AnalyteKinetics k, double concentration) {
        if (pools.containsKey(k.analyte())) {
            return this;
        }
        double iv = concentration * spaceMl(k.space()) / 1000.0;
        double f = k.intravascularFraction().value();
        double ev = iv * (1 - f) / f;
        EnumMap<Analyte, Pools> p = new EnumMap<>(Analyte.class);
        p.putAll(pools);
        p.put(k.analyte(), new Pools(iv, ev, k.catabolicRatePerMin() * (iv + ev), concentration));
        EnumMap<Analyte, AnalyteKinetics> kin = new EnumMap<>(Analyte.class);
        kin.putAll(kinetics);
        kin.put(k.analyte(), k);
        return new BodyState(minute, weightKg, plasmaVolumeMl, redCellVolumeMl, p, kin, citrateExcessMg,
                baselineIonizedCalciumMmolPerL, calciumPoolFraction, calcium);
    }

    /**
     * A copy in which one analyte neither is produced nor breaks down any more: its pools keep exchanging
     * with each other, but the count no longer returns to its baseline (used for daily leukocytapheresis under
     * concurrent cytoreduction).
     */
    public BodyState withoutTurnover(Analyte analyte) {
        AnalyteKinetics k = kinetics.get(analyte);
        if (k == null) {
            throw new IllegalArgumentException(analyte + " is not tracked");
        }
        EnumMap<Analyte, Pools> p = new EnumMap<>(Analyte.class);
        p.putAll(pools);
        Pools old = pools.get(analyte);
        p.put(analyte, new Pools(old.intravascular(), old.extravascular(), 0, old.baselineConcentration()));
        EnumMap<Analyte, AnalyteKinetics> kin = new EnumMap<>(Analyte.class);
        kin.putAll(kinetics);
        kin.put(analyte, new AnalyteKinetics(analyte, k.space(), k.intravascularFraction(), k.escapeRatePerHour(),
                org.openapheresis.system.Sourced.unverified(1e12, "h", "no turnover under cytoreduction"),
                AnalyteKinetics.FIRST_ORDER));
        return new BodyState(minute, weightKg, plasmaVolumeMl, redCellVolumeMl, p, kin, citrateExcessMg,
                baselineIonizedCalciumMmolPerL, calciumPoolFraction, calcium);
    }

    /**
     * Whole blood held outside the body (the extracellular circuit during a run), with what it carries.
     *
     * @param plasmaMl its plasma, mL
     * @param redCellsMl its red cells, mL
     * @param amounts per analyte, the intravascular amount it carries (the analyte's unit x L)
     */
    public record Held(double plasmaMl, double redCellsMl, Map<Analyte, Double> amounts) {
        public Held {
            amounts = Collections.unmodifiableMap(amounts.isEmpty() ? new EnumMap<>(Analyte.class)
                    : new EnumMap<>(amounts));
        }
    }

    /** What {@link #withdrawn} returns: the body without the blood, and the blood. */
    public record Withdrawal(BodyState body, Held held) {
    }

    /**
     * Takes {@code wholeBloodMl} of the circulating blood out (its plasma, red cells and the intravascular share of
     * every analyte at the current concentrations) and adds {@code crystalloidMl} to the plasma.
     */
    public Withdrawal withdrawn(double wholeBloodMl, double crystalloidMl) {
        if (!(wholeBloodMl >= 0) || !(wholeBloodMl < bloodVolumeMl()) || !(crystalloidMl >= 0)) {
            throw new IllegalArgumentException("cannot withdraw " + wholeBloodMl + " mL of " + bloodVolumeMl() + " mL");
        }
        double share = wholeBloodMl / bloodVolumeMl();
        EnumMap<Analyte, Pools> p = new EnumMap<>(Analyte.class);
        EnumMap<Analyte, Double> taken = new EnumMap<>(Analyte.class);
        for (var e : pools.entrySet()) {
            Pools old = e.getValue();
            double amount = old.intravascular() * share;
            taken.put(e.getKey(), amount);
            p.put(e.getKey(), new Pools(old.intravascular() - amount, old.extravascular(), old.synthesisPerMin(),
                    old.baselineConcentration()));
        }
        BodyState body = new BodyState(minute, weightKg, plasmaVolumeMl * (1 - share) + crystalloidMl,
                redCellVolumeMl * (1 - share), p, kinetics, citrateExcessMg, baselineIonizedCalciumMmolPerL,
                calciumPoolFraction, calcium);
        return new Withdrawal(body, new Held(plasmaVolumeMl * share, redCellVolumeMl * share, taken));
    }

    /** Returns held blood to the circulation and adds {@code crystalloidMl} to the plasma (rinseback). */
    public BodyState withReturned(Held held, double crystalloidMl) {
        EnumMap<Analyte, Pools> p = new EnumMap<>(Analyte.class);
        for (var e : pools.entrySet()) {
            Pools old = e.getValue();
            p.put(e.getKey(), new Pools(old.intravascular() + held.amounts().getOrDefault(e.getKey(), 0.0),
                    old.extravascular(), old.synthesisPerMin(), old.baselineConcentration()));
        }
        return new BodyState(minute, weightKg, plasmaVolumeMl + held.plasmaMl() + crystalloidMl,
                redCellVolumeMl + held.redCellsMl(), p, kinetics, citrateExcessMg, baselineIonizedCalciumMmolPerL,
                calciumPoolFraction, calcium);
    }

    /** A copy that tracks only the given analyte (fast what-if runs of one count). */
    public BodyState only(Analyte analyte) {
        if (!pools.containsKey(analyte)) {
            throw new IllegalArgumentException(analyte + " is not tracked");
        }
        EnumMap<Analyte, Pools> p = new EnumMap<>(Analyte.class);
        p.put(analyte, pools.get(analyte));
        EnumMap<Analyte, AnalyteKinetics> kin = new EnumMap<>(Analyte.class);
        kin.put(analyte, kinetics.get(analyte));
        return new BodyState(minute, weightKg, plasmaVolumeMl, redCellVolumeMl, p, kin, citrateExcessMg,
                baselineIonizedCalciumMmolPerL, calciumPoolFraction, calcium);
    }

    /**
     * The steady state of a patient before the first procedure: each analyte's measured concentration with
     * its pools in equilibrium and synthesis balancing catabolism.
     */
    public static BodyState steadyState(double weightKg, double bloodVolumeMl, double hematocritFraction,
            Map<Analyte, Double> concentrations, Map<Analyte, AnalyteKinetics> kinetics,
            OptionalDouble ionizedCalciumMmolPerL) {
        return steadyState(weightKg, bloodVolumeMl, hematocritFraction, concentrations, kinetics,
                ionizedCalciumMmolPerL, CalciumModel.nominal());
    }

    /** As {@link #steadyState(double, double, double, Map, Map, OptionalDouble)}, with given calcium constants. */
    public static BodyState steadyState(double weightKg, double bloodVolumeMl, double hematocritFraction,
            Map<Analyte, Double> concentrations, Map<Analyte, AnalyteKinetics> kinetics,
            OptionalDouble ionizedCalciumMmolPerL, CalciumModel calcium) {
        double plasma = bloodVolumeMl * (1 - hematocritFraction);
        double cells = bloodVolumeMl * hematocritFraction;
        EnumMap<Analyte, Pools> pools = new EnumMap<>(Analyte.class);
        EnumMap<Analyte, AnalyteKinetics> used = new EnumMap<>(Analyte.class);
        for (var e : concentrations.entrySet()) {
            AnalyteKinetics k = kinetics.get(e.getKey());
            if (k == null) {
                continue;
            }
            double space = k.space() == Space.PLASMA ? plasma : bloodVolumeMl;
            double iv = e.getValue() * space / 1000.0;
            double f = k.intravascularFraction().value();
            double ev = iv * (1 - f) / f;
            double synthesis = k.catabolicRatePerMin() * (iv + ev);
            pools.put(e.getKey(), new Pools(iv, ev, synthesis, e.getValue()));
            used.put(e.getKey(), k);
        }
        return new BodyState(0, weightKg, plasma, cells, pools, used, 0,
                ionizedCalciumMmolPerL.isPresent() ? ionizedCalciumMmolPerL.getAsDouble() : Double.NaN, 1, calcium);
    }
}
