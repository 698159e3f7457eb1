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
        return gbs(C);
    }

    private static SessionResult gbs(CellReferenceFile.Case c) {
        var patient = obj("sex", "male", "ageYears", 50, "heightCm", 176, "weightKg", c.get("weightKg"),
                "hematocritPercent", 42, "labs", obj("iggGPerL", c.get("iggGPerL")));
        return Planner.session(read(request(patient, obj("type", "ivig-infusion", "doseGPerKg", c.get("doseGPerKg"),
                "days", (int) c.get("days")))), null, PlanOptions.withoutTimeline());
    }

    private static double riseAtDay(SessionResult r, double day, double baseline) {
        BodyState at = Simulator.run(r.end(), Exposure.none(), day * 24 * 60 - r.end().minute(),
                Simulator.BETWEEN_STEP_MIN, 0, (Simulator.Sampler) null);
        return at.concentration(Analyte.IGG).getAsDouble() - baseline;
    }

    @Test
    void two_g_per_kg_over_5_days_is_0_4_g_per_kg_a_day_in_300_mL_of_10_percent() {
        Plan p = gbs().plan();
        assertThat(p.infusion().gramsPerDay()).isCloseTo(C.get("gramsPerDay"), within(0.1));
        assertThat(p.infusion().mlPerDay()).isCloseTo(C.get("mlPerDay"), within(1.0));
        assertThat(p.infusion().durationMinPerDay().get(0)).isCloseTo(C.get("day1Minutes"), within(1.0));
    }

    @Test
    void igg_two_weeks_after_the_first_infusion_has_risen_within_one_sd_of_kuitwaard() {
        double rise = riseAtDay(gbs(), 14, C.get("iggGPerL"));
        assertThat(rise).isBetween(C.get("riseMean") - C.get("riseSd"), C.get("riseMean") + C.get("riseSd"));
    }

    @Test
    void most_of_the_infused_igg_is_gone_at_30_days_as_galnares_olalde_2024_measured() {
        CellReferenceFile.Case c = CellReferenceFile.one("ivig-kuitwaard-2009-and-labels.txt", "galnares30");
        double rise = riseAtDay(gbs(c), c.get("day"), c.get("iggGPerL"));
        assertThat(rise).isCloseTo(c.get("riseMean"), org.assertj.core.api.Assertions.within(c.get("tolerance")));
    }
}
