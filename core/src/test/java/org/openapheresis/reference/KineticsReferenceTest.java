package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.kinetics.AnalyteKinetics;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CitrateKinetics;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Pools;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.kinetics.Space;
import org.openapheresis.kinetics.StandardKinetics;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.system.Sourced;

class KineticsReferenceTest {

    static final double PLASMA_ML = 3000;

    /** A body with one analyte at 1.0 (unit/L) in the plasma, with the given kinetics. */
    static BodyState body(AnalyteKinetics k) {
        return BodyState.steadyState(70, PLASMA_ML / 0.6, 0.4, Map.of(k.analyte(), 1.0), Map.of(k.analyte(), k),
                OptionalDouble.empty());
    }

    /** Constant-volume exchange: plasma out and replacement in at the same rate, nothing added. */
    static Exposure exchange(Analyte a, double mlPerMin) {
        return new Exposure(mlPerMin, 0, mlPerMin, Map.of(a, mlPerMin), Map.of(), 0);
    }

    @Test
    void simulation_without_redistribution_or_synthesis_agrees_with_one_compartment_formula() {
        ReferenceFile f = ReferenceFile.load("one-compartment-removal.txt");
        AnalyteKinetics k = StandardKinetics.IGG.oneCompartment();
        for (String[] r : f.rows()) {
            double pv = ReferenceFile.num(r, 0);
            double minutes = 120;
            BodyState end = Simulator.run(body(k), exchange(Analyte.IGG, pv * PLASMA_ML / minutes), minutes,
                    Simulator.PROCEDURE_STEP_MIN, 0, null);
            double removed = 1 - end.concentration(Analyte.IGG).getAsDouble();
            assertThat(removed).as("%s plasma volumes", pv).isCloseTo(ReferenceFile.num(r, 1), within(0.001));
            assertThat(removed).isCloseTo(1 - Math.exp(-pv), within(1e-7));
        }
    }

    @Test
    void five_exchanges_with_full_equilibration_leave_the_derived_total_body_fraction_cases_6_and_7() {
        ReferenceFile f = ReferenceFile.load("repeated-exchange-igg-physiology-case-7.txt");
        for (String[] r : f.rows()) {
            double fIv = ReferenceFile.num(r, 0);
            double pv = ReferenceFile.num(r, 1);
            int n = (int) ReferenceFile.num(r, 2);
            AnalyteKinetics noExchange = new AnalyteKinetics(Analyte.IGG, Space.PLASMA,
                    Sourced.verified(fIv, "", "case 7"), Sourced.verified(0, "/h", "no influx during the run"),
                    Sourced.verified(1e12, "h", "no synthesis"));
            BodyState s = body(noExchange);
            double start = s.pools().get(Analyte.IGG).total();
            for (int i = 0; i < n; i++) {
                s = Simulator.run(s, exchange(Analyte.IGG, pv * PLASMA_ML / 100), 100, Simulator.PROCEDURE_STEP_MIN,
                        0, null);
                s = equilibrated(s, fIv);
            }
            double remaining = s.pools().get(Analyte.IGG).total() / start;
            assertThat(remaining).as(String.join(" ", r)).isCloseTo(ReferenceFile.num(r, 3), within(0.002));
        }
    }

    /** Full re-equilibration between sessions, as case 7 assumes. */
    private static BodyState equilibrated(BodyState s, double fIv) {
        Pools p = s.pools().get(Analyte.IGG);
        Map<Analyte, Pools> pools = new EnumMap<>(Analyte.class);
        pools.put(Analyte.IGG, new Pools(fIv * p.total(), (1 - fIv) * p.total(), 0));
        return new BodyState(s.minute(), s.weightKg(), s.plasmaVolumeMl(), s.redCellVolumeMl(), pools, s.kinetics(),
                s.citrateExcessMg(), s.baselineIonizedCalciumMmolPerL());
    }

    @Test
    void fibrinogen_after_one_plasma_volume_matches_case_8_in_the_limit_and_the_published_depletion_in_full() {
        ReferenceFile f = ReferenceFile.load("fibrinogen-physiology-case-8.txt");
        String[] r = f.rows().get(0);
        double pre = ReferenceFile.num(r, 0);
        BodyState limit = BodyState.steadyState(70, PLASMA_ML / 0.6, 0.4, Map.of(Analyte.FIBRINOGEN, pre),
                Map.of(Analyte.FIBRINOGEN, StandardKinetics.FIBRINOGEN.oneCompartment()), OptionalDouble.empty());
        BodyState end = Simulator.run(limit, exchange(Analyte.FIBRINOGEN, PLASMA_ML / 100), 100,
                Simulator.PROCEDURE_STEP_MIN, 0, null);
        assertThat(end.concentration(Analyte.FIBRINOGEN).getAsDouble()).isCloseTo(ReferenceFile.num(r, 2),
                within(0.01));

        Patient p = Fixtures.adultMale80kg();
        Plan plan = Planner.plan(Fixtures.exchangeRequest(p, ReferenceFile.num(r, 1)), PlanOptions.withoutTimeline());
        assertThat(plan.predicted().get("fibrinogen").post()).isCloseTo(ReferenceFile.num(r, 3), within(0.15));
    }

    @Test
    void acd_a_citrate_is_derived_from_the_usp_recipe_case_9() {
        double expected = ReferenceFile.num(ReferenceFile.load("acd-a-citrate-physiology-case-9.txt").rows().get(0), 0);
        double molPerL = 22.0 / 294.10 + 7.3 / 192.12;
        assertThat(molPerL * Anticoagulant.CITRATE_MOLAR_MASS_G_PER_MOL).isCloseTo(expected, within(0.1));
        assertThat(Anticoagulant.ACD_A.citrateMgPerMl().value()).isCloseTo(expected, within(0.1));
    }

    @Test
    void citrate_reaches_the_kramer_steady_state_and_volume_case_12() {
        String[] r = ReferenceFile.load("citrate-kinetics-physiology-case-12.txt").rows().get(0);
        double mgPerMin = ReferenceFile.num(r, 0);
        double weight = ReferenceFile.num(r, 1);
        BodyState s = BodyState.steadyState(weight, 5000, 0.4, Map.of(), Map.of(), OptionalDouble.of(1.2));
        BodyState end = Simulator.run(s, new Exposure(0, 0, 0, Map.of(), Map.of(), mgPerMin), 24 * 60, 1, 0, null);
        assertThat(CitrateKinetics.excessConcentrationMmolPerL(end.citrateExcessMg(), weight))
                .isCloseTo(ReferenceFile.num(r, 2), within(0.01));
        assertThat(CitrateKinetics.VOLUME_ML_PER_KG * weight / 1000).isCloseTo(ReferenceFile.num(r, 3), within(0.2));
    }

    @Test
    void ionized_calcium_falls_33_percent_after_90_minutes_at_1_6_mg_per_kg_per_min_at_any_weight() {
        for (String[] r : ReferenceFile.load("bolan-2001-ionized-calcium.txt").rows()) {
            double rate = ReferenceFile.num(r, 0);
            double minutes = ReferenceFile.num(r, 1);
            double weight = ReferenceFile.num(r, 2);
            BodyState s = BodyState.steadyState(weight, 5000, 0.4, Map.of(), Map.of(), OptionalDouble.of(1.2));
            Exposure citrate = new Exposure(0, 0, 0, Map.of(), Map.of(), rate * weight);
            BodyState end = Simulator.run(s, citrate, minutes, Simulator.PROCEDURE_STEP_MIN, 0, null);
            double fall = 1 - end.ionizedCalcium().getAsDouble() / 1.2;
            assertThat(fall).as("weight %s", weight).isCloseTo(ReferenceFile.num(r, 3), within(0.005));
            BodyState later = Simulator.run(end, citrate, 10, Simulator.PROCEDURE_STEP_MIN, 0, null);
            assertThat(later.citrateExcessMg()).as("still rising, no plateau").isGreaterThan(end.citrateExcessMg());
        }
    }

    @Test
    void continuous_flow_plasma_exchange_reproduces_the_published_optia_figures() {
        for (String[] r : ReferenceFile.load("optia-tpe-figures.txt").rows()) {
            Patient p = new Patient(Sex.MALE, OptionalDouble.of(45), 180, 80, ReferenceFile.num(r, 0),
                    OptionalDouble.empty(), Labs.none());
            Plan plan = Planner.plan(Fixtures.exchangeRequest(p, 1.0), PlanOptions.withoutTimeline());
            double perPlasmaVolume = plan.processedVolumeMl() / plan.bloodVolumeMl() / plan.plasmaVolumesExchanged();
            assertThat(perPlasmaVolume).isCloseTo(ReferenceFile.num(r, 1), within(0.01));
            double acPerLitre = plan.anticoagulant().toPatientMl() / (plan.processedVolumeMl() / 1000);
            assertThat(acPerLitre).isCloseTo(ReferenceFile.num(r, 2), within(0.1 + 1000.0 / plan.processedVolumeMl()));
        }
    }
}
