package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseResult;
import org.openapheresis.course.CourseStep;
import org.openapheresis.procedure.CellRequests;
import org.openapheresis.procedure.NewProcedureRequests;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;

/**
 * immunoadsorption-ther-apher-dial-2022-igg-reduction.txt (published IgG reduction per treatment) and
 * immunoadsorption-eclinicalmedicine-2019-regimen.txt (the trial's five-day regimen).
 */
class ImmunoadsorptionReferenceTest {

    private static double reductionPercent(double pv, double columnPercent) {
        Plan p = NewProcedureRequests.plan(NewProcedureRequests.adultWithIgg(), NewProcedureRequests.ia(
                "plasmaVolumesProcessed", pv, "columnIggRemovalPercent", columnPercent));
        return 100 * (1 - p.predicted().get("igg").post() / p.predicted().get("igg").pre());
    }

    @Test
    void a_perfect_column_reaches_the_published_mean_and_the_implied_efficiency_reproduces_it() {
        for (CellReferenceFile.Case c : CellReferenceFile.read("immunoadsorption-ther-apher-dial-2022-igg-reduction.txt")) {
            assertThat(reductionPercent(c.get("pv"), 100)).as(c.name()).isGreaterThanOrEqualTo(c.get("mean"));
            assertThat(reductionPercent(c.get("pv"), c.get("impliedPercent"))).as(c.name())
                    .isCloseTo(c.get("mean"), within(1.0));
        }
    }

    @Test
    void the_five_day_regimen_processes_2_then_2_5_plasma_volumes_and_lowers_igg_every_day() {
        List<CellReferenceFile.Case> days = CellReferenceFile.read("immunoadsorption-eclinicalmedicine-2019-regimen.txt");
        PlanRequest first = null;
        List<CourseStep> steps = new ArrayList<>();
        for (CellReferenceFile.Case c : days) {
            PlanRequest r = PlanRequestReader.read(CellRequests.request(NewProcedureRequests.adultWithIgg(),
                    NewProcedureRequests.ia("plasmaVolumesProcessed", c.get("pv"))));
            first = first == null ? r : first;
            steps.add(new CourseStep(r.procedure(), 24 * c.get("day")));
        }
        CourseResult course = CoursePlanner.plan(new CourseRequest(first.patient(), first.recipientWeightKg(), steps,
                24 * days.size()), PlanOptions.withoutTimeline());
        assertThat(course.sessions()).hasSize(days.size());
        double previousPost = Double.MAX_VALUE;
        for (int i = 0; i < days.size(); i++) {
            Plan p = course.sessions().get(i);
            assertThat(course.sessionStartHours().get(i)).isEqualTo(24 * days.get(i).get("day"));
            assertThat(p.column().plasmaVolumesProcessed()).as(days.get(i).name()).isCloseTo(days.get(i).get("pv"),
                    within(0.01));
            assertThat(p.predicted().get("igg").post()).isLessThan(p.predicted().get("igg").pre())
                    .isLessThan(previousPost);
            previousPost = p.predicted().get("igg").post();
        }
    }
}
