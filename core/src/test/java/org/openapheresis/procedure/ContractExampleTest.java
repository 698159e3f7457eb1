package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.safety.WarningCode;

/**
 * The contract's example request (plan-v1) gives, by the contract's own definitions and the Optia figures,
 * the example response's volumes: TBV 5319 mL (Nadler), PV 3085 mL, 1.15 TBV processed, AC 6.0 mL/min,
 * about 113 min and 680 mL of ACD-A, 154.3 g albumin, a 185 mL circuit at 3.5% of blood volume.
 */
class ContractExampleTest {

    @Test
    void the_contract_example_gives_the_example_volumes() {
        Plan p = Planner.plan(PlanRequestReader.read(Fixtures.contractExampleTree()), PlanOptions.withoutTimeline());
        assertThat(p.bloodVolumeMl()).isEqualTo(5319);
        assertThat(p.bloodVolumeMethod()).isEqualTo("nadler-1962");
        assertThat(p.plasmaVolumeMl()).isEqualTo(3085);
        assertThat(p.processedVolumeMl()).isCloseTo(6118, within(6.0));
        assertThat(p.bloodVolumesProcessed()).isEqualTo(1.15);
        assertThat(p.exchangeVolumeMl()).isEqualTo(3085);
        assertThat(p.acFlowMlPerMin()).isEqualTo(6.0);
        assertThat(p.durationMin()).isEqualTo(113);
        assertThat(p.anticoagulant().volumeMl()).isCloseTo(680, within(1.0));
        assertThat(p.replacement().albuminGrams()).isEqualTo(154.3);
        assertThat(p.extracorporealVolumeMl()).isEqualTo(185);
        assertThat(p.extracorporealPercentOfBloodVolume()).isEqualTo(3.5);
        assertThat(p.sessionsNeeded()).isEqualTo(1);
        assertThat(p.collected()).isNull();
        assertThat(p.predicted().get("igg").post()).isBetween(3.68, 4.5);
        assertThat(p.predicted().get("ionizedCalcium").nadir()).isLessThan(1.20);
        assertThat(p.warnings()).extracting(w -> w.code()).doesNotContain(WarningCode.EXTRACORPOREAL_VOLUME_HIGH,
                WarningCode.AC_INFUSION_RATE_HIGH, WarningCode.CITRATE_RATE_HIGH);
    }

    @Test
    void donor_plasma_replacement_raises_citrate_and_warns_of_reactions() {
        var root = Fixtures.contractExampleTree();
        @SuppressWarnings("unchecked")
        var procedure = (java.util.Map<String, Object>) root.get("procedure");
        procedure.put("replacement", new java.util.HashMap<>(java.util.Map.of("albuminPercent", 0, "plasmaPercent", 100)));
        Plan albumin = Planner.plan(PlanRequestReader.read(Fixtures.contractExampleTree()), PlanOptions.withoutTimeline());
        Plan plasma = Planner.plan(PlanRequestReader.read(root), PlanOptions.withoutTimeline());
        assertThat(plasma.anticoagulant().citrateMgPerKgPerMin()).isGreaterThan(albumin.anticoagulant().citrateMgPerKgPerMin());
        assertThat(plasma.predicted().get("fibrinogen").post()).isGreaterThan(albumin.predicted().get("fibrinogen").post());
        assertThat(plasma.replacement().plasmaUnits250Ml()).isEqualTo(13);
        assertThat(plasma.warnings()).extracting(w -> w.code()).contains(WarningCode.PLASMA_REPLACEMENT_REACTION_RISK)
                .doesNotContain(WarningCode.FIBRINOGEN_LOW_POST);
    }

    @Test
    void a_small_child_gets_the_circuit_warning_and_a_lowered_inlet_flow() {
        var root = Fixtures.contractExampleTree();
        @SuppressWarnings("unchecked")
        var patient = (java.util.Map<String, Object>) root.get("patient");
        patient.put("ageYears", 3);
        patient.put("weightKg", 14);
        patient.put("heightCm", 95);
        @SuppressWarnings("unchecked")
        var procedure = (java.util.Map<String, Object>) root.get("procedure");
        procedure.remove("inletFlowMlPerMin");
        Plan p = Planner.plan(PlanRequestReader.read(root), PlanOptions.withoutTimeline());
        assertThat(p.bloodVolumeMl()).isEqualTo(1080);
        assertThat(p.warnings()).extracting(w -> w.code()).contains(WarningCode.EXTRACORPOREAL_VOLUME_HIGH);
        assertThat(p.bloodVolumeMethod()).isEqualTo("linderkamp-1977");
    }
}
