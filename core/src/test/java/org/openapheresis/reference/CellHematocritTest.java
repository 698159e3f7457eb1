package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;

/** hematocrit-cell-procedures-donor-series.txt: the haematocrit falls (circuit, rinseback, samples, fluid). */
class CellHematocritTest {

    @Test
    void the_haematocrit_falls_within_the_published_few_percent_after_a_cell_procedure() {
        for (CellReferenceFile.Case c : CellReferenceFile.read("hematocrit-cell-procedures-donor-series.txt")) {
            String type = c.get("type") == 1 ? "hpc-collection" : "leukocytapheresis";
            var labs = obj("cd34PerUl", 30, "wbcE9PerL", 150, "plateletsE9PerL", 150);
            Plan p = Planner.plan(read(request(adultMale80kg(labs), obj("type", type, "bloodVolumesProcessed",
                    c.get("bloodVolumes")))), PlanOptions.withTimeline());
            Plan.Prediction hct = p.predicted().get("hematocrit");
            double fall = 1 - hct.post() / hct.pre();
            assertThat(fall).as(c.name()).isBetween(c.get("low"), c.get("high"));
            double lowestInRun = p.timeline().stream().mapToDouble(t -> t.get("hematocritPercent")).min().orElseThrow();
            assertThat(lowestInRun).as("the full circuit lowers it during the run").isLessThan(hct.pre());
        }
    }
}
