package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;

class IvigPlannerTest {

    @Test
    void two_g_per_kg_over_two_days_for_80_kg_is_80_g_and_800_mL_of_10_percent_a_day() {
        Plan p = plan(request(adultMale80kg(obj("iggGPerL", 8)), obj("type", "ivig-infusion", "doseGPerKg", 2,
                "days", 2)));
        assertThat(p.infusion().totalGrams()).isEqualTo(160);
        assertThat(p.infusion().gramsPerDay()).isEqualTo(80);
        assertThat(p.infusion().mlPerDay()).isEqualTo(800);
        assertThat(p.infusion().durationMinPerDay()).hasSize(2);
        assertThat(p.durationMin()).isEqualTo(p.infusion().durationMinPerDay().get(0));
        assertThat(p.device()).isNull();
        assertThat(p.anticoagulant()).isNull();
        assertThat(p.fluidBalance().infusedMl()).isEqualTo(1600);
    }

    @Test
    void a_5_percent_product_doubles_the_volume_but_keeps_the_protein_rate_and_time() {
        Plan ten = plan(request(adultMale80kg(obj()), obj("type", "ivig-infusion", "doseGPerKg", 1, "days", 1)));
        Plan five = plan(request(adultMale80kg(obj()), obj("type", "ivig-infusion", "doseGPerKg", 1, "days", 1,
                "productPercent", 5)));
        assertThat(five.infusion().mlPerDay()).isEqualTo(2 * ten.infusion().mlPerDay());
        assertThat(five.durationMin()).isEqualTo(ten.durationMin());
    }

    @Test
    void the_rate_ramp_doubles_every_30_minutes_from_the_label_start_to_its_maximum() {
        // 0.5, 1, 2, 4 mg/kg/min for 30 min each deliver 225 mg/kg; the rest goes at 8 mg/kg/min.
        assertThat(IvigPlanner.infusionMinutes(225)).isCloseTo(120, within(1e-9));
        assertThat(IvigPlanner.infusionMinutes(225 + 80)).isCloseTo(130, within(1e-9));
        assertThat(IvigPlanner.infusionMinutes(5)).isCloseTo(10, within(1e-9));
    }

    @Test
    void igg_rises_through_the_same_two_pool_kinetics_as_plasma_exchange() {
        Plan p = plan(request(adultMale80kg(obj("iggGPerL", 8)), obj("type", "ivig-infusion", "doseGPerKg", 2,
                "days", 5)));
        Plan.Prediction igg = p.predicted().get("igg");
        assertThat(igg.pre()).isEqualTo(8);
        assertThat(igg.post()).isGreaterThan(20);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("igg: intravascular fraction"));
        assertThat(p.predicted()).doesNotContainKey("ionizedCalcium");
    }

    @Test
    void without_a_pre_infusion_igg_no_level_is_predicted_but_the_infusion_is_planned() {
        Plan p = plan(request(adultMale80kg(obj()), obj("type", "ivig-infusion", "doseGPerKg", 2, "days", 5)));
        assertThat(p.predicted()).isEmpty();
        assertThat(p.infusion().gramsPerDay()).isEqualTo(32);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("no IgG level is predicted"));
    }

    @Test
    void the_session_ends_at_the_end_of_the_last_infusion() {
        var r = Planner.session(read(request(adultMale80kg(obj("iggGPerL", 8)), obj("type", "ivig-infusion",
                "doseGPerKg", 2, "days", 3))), null, PlanOptions.withTimeline());
        double lastDayMin = r.plan().infusion().durationMinPerDay().get(2);
        assertThat(r.end().minute()).isCloseTo(2 * 24 * 60 + lastDayMin, within(1.0));
        assertThat(r.plan().timeline()).isNotEmpty();
        assertThat(r.plan().timeline().get(r.plan().timeline().size() - 1).get("minute"))
                .isCloseTo(r.end().minute(), within(1.0));
    }
}
