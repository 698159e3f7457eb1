package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.patient.Analyte;
import org.openapheresis.safety.WarningCode;

class HpcCollectionPlannerTest {

    /** CE2 of the 80 kg fixture (Hct 42%) on continuous flow: 1.23 x 42 + 12.23 = 63.89% (Transfusion 2022;62:1065). */
    private static final double CE2_AT_HCT_42 = (1.23 * 42 + 12.23) / 100;

    private static Map<String, Object> patient(double cd34) {
        return adultMale80kg(obj("cd34PerUl", cd34, "plateletsE9PerL", 150, "ionizedCalciumMmolPerL", 1.2));
    }

    @Test
    void autologous_collection_uses_the_ce2_of_the_patients_haematocrit_on_continuous_flow() {
        Plan p = plan(request(patient(40), obj("type", "hpc-collection", "bloodVolumesProcessed", 3)));
        assertThat(p.collected().cd34Cells()).isCloseTo(40 * 1000 * p.processedVolumeMl() * CE2_AT_HCT_42, within(1.0));
        assertThat(p.collected().cd34PerKg()).isCloseTo(p.collected().cd34Cells() / 80, within(1e-6));
        assertThat(p.collected().productVolumeMl()).isGreaterThan(0);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("autologous"));
    }

    @Test
    void allogeneic_collection_uses_the_same_haematocrit_line_and_doses_per_recipient_kg() {
        Plan p = plan(request(patient(40), 60, obj("type", "hpc-collection", "bloodVolumesProcessed", 3)));
        assertThat(p.collected().cd34Cells()).isCloseTo(40 * 1000 * p.processedVolumeMl() * CE2_AT_HCT_42, within(1.0));
        assertThat(p.collected().cd34PerKg()).isCloseTo(p.collected().cd34Cells() / 60, within(1e-6));
    }

    @Test
    void a_reachable_target_is_met_in_one_session_with_the_least_volume() {
        Plan p = plan(request(patient(60), obj("type", "hpc-collection", "target", obj("cd34PerKg", 3e6))));
        assertThat(p.sessionsNeeded()).isEqualTo(1);
        assertThat(p.collected().cd34PerKg()).isGreaterThanOrEqualTo(3e6);
        double needed = HpcCollectionPlanner.volumeForCellsMl(3e6 * 80, 60, CE2_AT_HCT_42);
        assertThat(p.processedVolumeMl()).isEqualTo(Math.ceil(needed));
        assertThat(p.warnings()).noneMatch(w -> w.code() == WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION);
    }

    @Test
    void the_peripheral_cd34_count_falls_about_30_percent_in_the_first_30_to_70_minutes() {
        Plan p = Planner.plan(read(request(patient(50), obj("type", "hpc-collection", "bloodVolumesProcessed", 4))),
                PlanOptions.withTimeline());
        double at30 = cd34At(p, 30);
        double at70 = cd34At(p, 70);
        assertThat(1 - at30 / 50).isBetween(0.10, 0.40);
        assertThat(1 - at70 / 50).isBetween(0.20, 0.40);
    }

    @Test
    void a_large_volume_collection_takes_out_at_least_1_4_times_the_cd34_cells_circulating_at_the_start() {
        PlanRequest r = read(request(patient(50), obj("type", "hpc-collection", "bloodVolumesProcessed", 4)));
        ProcedureSpec.HpcCollection spec = (ProcedureSpec.HpcCollection) r.procedure();
        CellSessions.Product product = new CellSessions.Product(ProcedureType.HPC_COLLECTION, Analyte.CD34,
                org.openapheresis.kinetics.CellKinetics.CD34,
                spec.sep().device().profile().cellCollection().cd34RemovalEfficiency(),
                HpcCollectionPlanner.PRODUCT_ML_PER_BLOOD_VOLUME, HpcCollectionPlanner.PRODUCT_HEMATOCRIT);
        CellSessions.Setup s = CellSessions.setup(r, spec.sep(), Planner.steadyState(r.patient()), product,
                PlanOptions.withoutTimeline());
        CellSessions.Session session = CellSessions.session(s, product, 4 * s.bloodVolumeMl());
        SessionClock.Run run = CellSessions.run(s, session, PlanOptions.withoutTimeline());
        double circulating = run.start().pools().get(Analyte.CD34).intravascular();
        assertThat(run.removed(Analyte.CD34) / circulating).isGreaterThanOrEqualTo(1.4);
    }

    @Test
    void an_intermittent_flow_collection_takes_longer_and_uses_its_own_ce2() {
        Plan cont = plan(request(patient(40), obj("type", "hpc-collection", "bloodVolumesProcessed", 2)));
        Plan bowl = plan(request(patient(40), obj("type", "hpc-collection", "device", "intermittent-flow",
                "bloodVolumesProcessed", 2)));
        assertThat(bowl.durationMin()).isGreaterThan(cont.durationMin());
        assertThat(bowl.collected().cd34Cells()).isCloseTo(40 * 1000 * bowl.processedVolumeMl() * 0.44, within(1.0));
        assertThat(bowl.assumptions()).anyMatch(a -> a.contains("bowl cycles"));
    }

    private static double cd34At(Plan p, double minute) {
        return p.timeline().stream()
                .min(java.util.Comparator.comparingDouble(m -> Math.abs(m.get("minute") - minute)))
                .orElseThrow().get("cd34");
    }
}
