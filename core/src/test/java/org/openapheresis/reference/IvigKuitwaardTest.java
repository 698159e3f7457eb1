package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.SessionResult;

/** ivig-kuitwaard-2009-and-labels.txt: IVIG dosing, infusion time and the IgG rise at 2 weeks. */
class IvigKuitwaardTest {

    private static final CellReferenceFile.Case C = CellReferenceFile.one("ivig-kuitwaard-2009-and-labels.txt", "gbs");

    private static SessionResult gbs() {
        var patient = obj("sex", "male", "ageYears", 50, "heightCm", 176, "weightKg", C.get("weightKg"),
                "hematocritPercent", 42, "labs", obj("iggGPerL", C.get("iggGPerL")));
        return Planner.session(read(request(patient, obj("type", "ivig-infusion", "doseGPerKg", C.get("doseGPerKg"),
                "days", (int) C.get("days")))), null, PlanOptions.withoutTimeline());
    }

    @Test
    void two_g_per_kg_over_5_days_is_0_4_g_per_kg_a_day_in_300_mL_of_10_percent() {
        Plan p = gbs().plan();
        assertThat(p.infusion().gramsPerDay()).isCloseTo(C.get("gramsPerDay"), within(0.1));
        assertThat(p.infusion().mlPerDay()).isCloseTo(C.get("mlPerDay"), within(1.0));
        assertThat(p.infusion().durationMinPerDay().get(0)).isCloseTo(C.get("day1Minutes"), within(1.0));
    }

    @Test
    void igg_two_weeks_after_the_first_infusion_has_risen_within_two_sd_of_kuitwaard() {
        SessionResult r = gbs();
        BodyState end = r.end();
        double twoWeeksMin = 14 * 24 * 60;
        BodyState at14 = Simulator.run(end, Exposure.none(), twoWeeksMin - end.minute(), Simulator.BETWEEN_STEP_MIN,
                0, null);
        double rise = at14.concentration(Analyte.IGG).getAsDouble() - C.get("iggGPerL");
        assertThat(rise).isBetween(C.get("riseMean") - 2 * C.get("riseSd"), C.get("riseMean") + 2 * C.get("riseSd"));
    }
}
