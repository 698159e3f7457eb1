package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.RedCellExchangeRequests.exchangeTo30;
import static org.openapheresis.procedure.RedCellExchangeRequests.plan;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

class RedCellExchangePlannerTest {

    @Test
    void an_isovolaemic_exchange_uses_red_cell_volume_times_ln_of_the_hbs_ratio() {
        Plan p = plan(exchangeTo30());
        // RCV 4000 x 0.27 = 1080 mL; donor red cells 1080 x ln(85/30) = 1124.8 mL; at Hct 60%: 1875 mL; 300 mL units
        assertThat(p.procedureType()).isEqualTo("red-cell-exchange");
        assertThat(p.replacement().redCellsMl()).isCloseTo(1875, within(1.0));
        assertThat(p.replacement().redCellUnits()).isEqualTo(7);
        assertThat(p.replacement().redCellHematocritPercent()).isEqualTo(60);
        assertThat(p.replacement().redCellUnitVolumeMl()).isEqualTo(300);
        assertThat(p.replacement().depletionFluidMl()).isEqualTo(0);
        assertThat(p.predicted().get("hbs").pre()).isEqualTo(85);
        assertThat(p.predicted().get("hbs").post()).isEqualTo(30);
        assertThat(p.predicted().get("hematocrit").post()).isEqualTo(27);
        assertThat(p.exchangeVolumeMl()).isNull();
    }

    @Test
    void blood_processed_is_at_least_the_red_cells_removed_over_the_haematocrit() {
        Plan p = plan(exchangeTo30());
        // 1124.8 mL removed at Hct 0.27: 4166 mL processed at least
        assertThat(p.processedVolumeMl()).isCloseTo(4166, within(2.0));
        assertThat(p.bloodVolumesProcessed()).isEqualTo(1.04);
        assertThat(p.acFlowMlPerMin()).isCloseTo(p.inletFlowMlPerMin() / 13, within(0.06));
        assertThat(p.durationMin()).isGreaterThan(0);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("lower bound"));
    }

    @Test
    void the_fluid_balance_is_isovolaemic_apart_from_the_anticoagulant() {
        Plan p = plan(exchangeTo30());
        assertThat(p.fluidBalance().replacementMl()).isEqualTo(p.fluidBalance().removedMl());
        assertThat(p.fluidBalance().netMl()).isEqualTo(p.fluidBalance().anticoagulantToPatientMl());
    }

    @Test
    void a_depletion_first_needs_fewer_donor_units_and_gives_saline_or_albumin() {
        Plan exchange = plan(exchangeTo30());
        Plan depletion = plan(exchangeTo30("mode", "depletion-exchange", "depletionHematocritPercent", 22));
        assertThat(depletion.replacement().redCellsMl()).isLessThan(exchange.replacement().redCellsMl());
        // 4000 x (0.27 - 0.22) = 200 mL of red cells removed at Hct 0.80: 250 mL of fluid
        assertThat(depletion.replacement().depletionFluidMl()).isEqualTo(250);
        assertThat(depletion.predicted().get("hbs").post()).isEqualTo(30);
    }

    @Test
    void a_rise_in_haematocrit_needs_more_donor_cells_and_warns_of_iron_and_viscosity() {
        Plan p = plan(exchangeTo30("targetHematocritPercent", 33));
        assertThat(p.replacement().redCellsMl()).isGreaterThan(plan(exchangeTo30()).replacement().redCellsMl());
        assertThat(p.warnings()).extracting(w -> w.code()).contains(WarningCode.RED_CELL_EXCHANGE_IRON_LOADING,
                WarningCode.RED_CELL_EXCHANGE_HYPERVISCOSITY);
    }

    @Test
    void too_few_units_available_warn_with_the_hbs_they_reach() {
        Plan p = plan(exchangeTo30("redCellUnitsAvailable", 5));
        var w = p.warnings().stream().filter(x -> x.code() == WarningCode.RED_CELL_EXCHANGE_UNITS_SHORT).findFirst()
                .orElseThrow();
        // 5 x 300 x 0.6 = 900 mL of donor cells: HbS 85 x exp(-900/1080) = 36.9 %
        assertThat(w.message()).contains("7 red cell units are needed and 5 are available").contains("HbS 36.9 %");
        assertThat(plan(exchangeTo30("redCellUnitsAvailable", 7)).warnings()).extracting(x -> x.code())
                .doesNotContain(WarningCode.RED_CELL_EXCHANGE_UNITS_SHORT);
    }

    @Test
    void a_timeline_runs_from_the_start_to_the_targets_with_hbs_falling() {
        Plan p = Planner.plan(CellRequests.read(RedCellExchangeRequests.request(
                exchangeTo30("mode", "depletion-exchange", "depletionHematocritPercent", 22))), PlanOptions.withTimeline());
        var t = p.timeline();
        assertThat(t.get(0).get("hbs")).isEqualTo(85);
        assertThat(t.get(0).get("hematocritPercent")).isEqualTo(27);
        assertThat(t.get(t.size() - 1).get("hbs")).isCloseTo(30, within(0.1));
        assertThat(t.get(t.size() - 1).get("hematocritPercent")).isCloseTo(27, within(0.1));
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i).get("hbs")).isLessThanOrEqualTo(t.get(i - 1).get("hbs"));
        }
        assertThat(t).anyMatch(x -> x.get("hematocritPercent") < 22.5);
    }

    @Test
    void plan_rejects_a_target_hbs_not_below_the_patients() {
        assertThatThrownBy(() -> plan(exchangeTo30("targetHbsPercent", 90))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).anySatisfy(pr -> {
                    assertThat(pr.field()).isEqualTo("procedure.targetHbsPercent");
                    assertThat(pr.key()).isEqualTo(MessageKey.NOT_PLANNABLE);
                }));
    }

    @Test
    void plan_rejects_a_target_that_a_top_up_transfusion_reaches() {
        // HbS 85 -> 80 % while Hct 27 -> 40 %: transfusion alone dilutes own cells to 0.675, below 80/85
        assertThatThrownBy(() -> plan(exchangeTo30("targetHbsPercent", 80, "targetHematocritPercent", 40)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.message()).contains("top-up transfusion")));
    }

    @Test
    void plan_requires_the_hbs_lab_and_the_depletion_haematocrit() {
        Map<String, Object> patient = RedCellExchangeRequests.sickleCellAdult();
        patient.put("labs", CellRequests.obj("plateletsE9PerL", 300));
        assertThatThrownBy(() -> CellRequests.plan(CellRequests.request(patient, exchangeTo30())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.field()).isEqualTo("patient.labs.hbsPercent")));
        assertThatThrownBy(() -> plan(exchangeTo30("mode", "depletion-exchange")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.field()).isEqualTo("procedure.depletionHematocritPercent")));
        assertThatThrownBy(() -> plan(exchangeTo30("depletionHematocritPercent", 22)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.key()).isEqualTo(MessageKey.NOT_APPLICABLE)));
    }

    @Test
    void plan_rejects_a_replacement_haematocrit_outside_40_to_90_percent() {
        assertThatThrownBy(() -> plan(exchangeTo30("replacementHematocritPercent", 95)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.key()).isEqualTo(MessageKey.OUT_OF_RANGE)));
    }

    /** The sickle cell adult with an ionised calcium on record. */
    private static Plan withCalcium(Map<String, Object> procedure) {
        Map<String, Object> patient = RedCellExchangeRequests.sickleCellAdult();
        patient.put("labs", CellRequests.obj("hbsPercent", 85, "plateletsE9PerL", 300, "ionizedCalciumMmolPerL", 1.18));
        return CellRequests.plan(CellRequests.request(patient, procedure));
    }

    @Test
    void ionised_calcium_falls_with_the_citrate_returned_and_less_with_calcium_given_or_less_anticoagulant() {
        Plan p = withCalcium(exchangeTo30());
        Plan.Prediction ca = p.predicted().get("ionizedCalcium");
        assertThat(ca.pre()).isEqualTo(1.18);
        assertThat(ca.post()).isLessThan(ca.pre());
        assertThat(ca.nadir()).isLessThanOrEqualTo(ca.post());
        assertThat(p.assumptions()).anyMatch(a -> a.contains("Calcium leaves with the") && a.contains("plasma removed"))
                .anyMatch(a -> a.contains("No calcium given during the run"));

        Plan infused = withCalcium(exchangeTo30("calcium", Map.of("infusionMmolPerHour", 6)));
        assertThat(infused.predicted().get("ionizedCalcium").nadir()).isGreaterThan(ca.nadir());
        assertThat(infused.assumptions()).anyMatch(a -> a.contains("Calcium infused as entered: 6 mmol/h"));

        Plan lessCitrate = withCalcium(exchangeTo30("acRatio", 15));
        assertThat(lessCitrate.predicted().get("ionizedCalcium").nadir()).isGreaterThan(ca.nadir());
    }

    @Test
    void without_an_ionised_calcium_on_record_none_is_predicted_and_the_plan_says_why() {
        Plan p = plan(exchangeTo30());
        assertThat(p.predicted()).doesNotContainKey("ionizedCalcium");
        assertThat(p.assumptions()).anyMatch(a -> a.contains("Ionised calcium is not predicted"));
    }

    @Test
    void the_timeline_carries_the_ionised_calcium_from_the_baseline_down_to_the_predicted_end() {
        Map<String, Object> patient = RedCellExchangeRequests.sickleCellAdult();
        patient.put("labs", CellRequests.obj("hbsPercent", 85, "plateletsE9PerL", 300, "ionizedCalciumMmolPerL", 1.18));
        Plan p = Planner.plan(CellRequests.read(CellRequests.request(patient, exchangeTo30())),
                PlanOptions.withTimeline());
        java.util.List<Map<String, Double>> t = p.timeline();
        assertThat(t.get(0).get("ionizedCalcium")).isEqualTo(1.18);
        assertThat(t.get(t.size() - 1).get("ionizedCalcium")).isCloseTo(p.predicted().get("ionizedCalcium").post(),
                within(0.006));
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i).get("ionizedCalcium")).as("minute " + t.get(i).get("minute"))
                    .isLessThanOrEqualTo(t.get(i - 1).get("ionizedCalcium") + 1e-9);
        }
    }
}
