package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;
import org.openapheresis.safety.WarningCode;

class LeukocytapheresisPlannerTest {

    private static java.util.Map<String, Object> patient(double wbc) {
        return adultMale80kg(obj("wbcE9PerL", wbc, "plateletsE9PerL", 120, "ionizedCalciumMmolPerL", 1.2));
    }

    @Test
    void plan_defaults_to_two_blood_volumes_at_inlet_to_ac_ratio_12() {
        Plan p = plan(request(patient(250), obj("type", "leukocytapheresis")));
        assertThat(p.bloodVolumesProcessed()).isEqualTo(2.0);
        assertThat(p.anticoagulant().acRatio()).isEqualTo(12);
        assertThat(p.procedureType()).isEqualTo("leukocytapheresis");
        assertThat(p.sessionsNeeded()).isEqualTo(1);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("UNVERIFIED") && a.contains("wbc"));
    }

    @Test
    void plan_reports_white_cells_removed_and_platelet_and_red_cell_losses() {
        Plan p = plan(request(patient(250), obj("type", "leukocytapheresis")));
        assertThat(p.collected().wbcCells()).isGreaterThan(0);
        assertThat(p.collected().productVolumeMl()).isGreaterThan(0);
        assertThat(p.predicted().get("platelets").post()).isLessThan(120);
        assertThat(p.predicted()).containsKey("hematocrit");
        assertThat(p.fluidBalance().removedMl()).isGreaterThan(0);
    }

    @Test
    void plan_for_a_target_processes_the_smallest_volume_that_reaches_it() {
        var tree = request(patient(250), obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", 170)));
        Plan p = plan(tree);
        assertThat(p.sessionsNeeded()).isEqualTo(1);
        assertThat(p.predicted().get("wbc").post()).isLessThanOrEqualTo(170.5);
        Plan less = plan(request(CellRequests.withBloodVolume(patient(250), p.bloodVolumeMl()),
                obj("type", "leukocytapheresis", "bloodVolumesProcessed", (p.processedVolumeMl() - 200) / p.bloodVolumeMl())));
        assertThat(less.predicted().get("wbc").post()).isGreaterThan(170);
    }

    @Test
    void plan_counts_daily_procedures_when_one_cannot_reach_the_target() {
        Plan p = plan(request(patient(250), obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", 120))));
        assertThat(p.sessionsNeeded()).isGreaterThan(1);
        assertThat(p.bloodVolumesProcessed()).isEqualTo(2.0);
        assertThat(p.warnings()).anyMatch(w -> w.code() == WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION);
    }

    @Test
    void halving_a_wbc_of_250_to_100_takes_two_or_three_daily_procedures_with_cytoreduction_alongside() {
        Plan p = plan(request(patient(250), obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", 100))));
        assertThat(p.sessionsNeeded()).isBetween(2, 3);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("cytoreductive treatment runs alongside")
                && a.contains("lower bound"));
    }

    @Test
    void citrate_to_the_patient_is_higher_than_in_a_plasma_exchange_at_the_same_flow() {
        var labs = obj("wbcE9PerL", 200.0, "iggGPerL", 10.0, "ionizedCalciumMmolPerL", 1.2);
        Plan cells = plan(request(adultMale80kg(labs), obj("type", "leukocytapheresis", "inletFlowMlPerMin", 60,
                "acRatio", 10)));
        Plan pe = plan(request(adultMale80kg(labs), obj("type", "plasma-exchange", "inletFlowMlPerMin", 60,
                "acRatio", 10)));
        assertThat(cells.anticoagulant().citrateMgPerKgPerMin()).isGreaterThan(3 * pe.anticoagulant()
                .citrateMgPerKgPerMin());
        assertThat(cells.predicted().get("ionizedCalcium").nadir())
                .isLessThan(pe.predicted().get("ionizedCalcium").nadir());
    }

    @Test
    void plan_is_the_same_through_planner_session_with_a_null_start() {
        var tree = request(patient(250), obj("type", "leukocytapheresis"));
        Plan a = plan(tree);
        Plan b = Planner.session(read(tree), null, PlanOptions.withoutTimeline()).plan();
        assertThat(b.predicted().get("wbc").post()).isCloseTo(a.predicted().get("wbc").post(), within(1e-9));
    }
}
