package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.separator.AnticoagulantLimits;

/** cell-citrate-physiology-cases-10-11.txt: AC and citrate limits when all AC returns. */
class CellCitrateCasesTest {

    private static final String FILE = "cell-citrate-physiology-cases-10-11.txt";

    @Test
    void case_10_highest_inlet_flow_at_ratio_12_is_76_6_mL_per_min_when_all_ac_returns() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "case10");
        assertThat(AnticoagulantLimits.maxInletFlowMlPerMin(c.get("bloodVolumeMl"), c.get("acRatio"), 1.0))
                .isCloseTo(c.get("maxInlet"), within(0.1));
    }

    @Test
    void case_10_a_cell_procedure_above_that_flow_warns_with_the_highest_flow_within_the_limit() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "case10");
        Plan p = plan(request(adultMale80kg(obj("wbcE9PerL", 150)),
                obj("type", "leukocytapheresis", "inletFlowMlPerMin", 90, "acRatio", c.get("acRatio"))));
        double share = p.anticoagulant().toPatientMl() / p.anticoagulant().volumeMl();
        long expectedMax = (long) Math.floor(c.get("maxInlet") / share);
        assertThat(p.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.AC_INFUSION_RATE_HIGH);
            assertThat(w.message()).containsAnyOf(" " + expectedMax + " mL/min", " " + (expectedMax - 1) + " mL/min");
        });
    }

    @Test
    void case_11_seventy_kg_at_5_mL_per_min_of_ac_gets_1_52_mg_per_kg_per_min_less_the_product_share() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "case11");
        assertThat(c.get("acFlow") * Anticoagulant.ACD_A.citrateMgPerMl().value() / c.get("weightKg"))
                .isCloseTo(c.get("citrate"), within(0.01));
        Map<String, Object> patient = obj("sex", "male", "ageYears", 40, "heightCm", 175, "weightKg", c.get("weightKg"),
                "hematocritPercent", 42, "labs", obj("wbcE9PerL", 150, "ionizedCalciumMmolPerL", 1.2));
        Plan p = plan(request(patient, obj("type", "leukocytapheresis", "inletFlowMlPerMin", 60, "acRatio", 12)));
        assertThat(p.acFlowMlPerMin()).isEqualTo(c.get("acFlow"));
        double share = (double) p.anticoagulant().toPatientMl() / p.anticoagulant().volumeMl();
        assertThat(share).isBetween(0.9, 1.0);
        assertThat(p.anticoagulant().citrateMgPerKgPerMin()).isCloseTo(c.get("citrate") * share, within(0.02));
        assertThat(p.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.CITRATE_RATE_HIGH);
            assertThat(w.message()).contains("calcium gluconate infusion");
        });
        assertThat(p.predicted().get("ionizedCalcium").nadir()).isLessThan(1.2);
    }
}
