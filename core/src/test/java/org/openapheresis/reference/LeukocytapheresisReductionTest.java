package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.procedure.CellRequests.adultFemale60kg;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;

/** leukocytapheresis-reduction-utsw-case-20.txt: 30-60% WBC fall per procedure of 1.5-2 blood volumes. */
class LeukocytapheresisReductionTest {

    private static final String FILE = "leukocytapheresis-reduction-utsw-case-20.txt";

    private static Plan planFor(CellReferenceFile.Case c) {
        var labs = obj("wbcE9PerL", c.get("wbcE9PerL"), "plateletsE9PerL", 80);
        var patient = c.get("sex") == 1 ? adultMale80kg(labs) : adultFemale60kg(labs);
        return plan(request(patient, obj("type", "leukocytapheresis", "bloodVolumesProcessed",
                c.get("bloodVolumes"))));
    }

    @Test
    void case_20_wbc_250_after_two_blood_volumes_falls_to_100_to_175() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "case20");
        double post = planFor(c).predicted().get("wbc").post();
        assertThat(post).isBetween(c.get("postLow"), c.get("postHigh"));
    }

    @Test
    void every_case_falls_within_the_published_30_to_60_percent() {
        for (CellReferenceFile.Case c : CellReferenceFile.read(FILE)) {
            if (!c.values().containsKey("reductionLow")) {
                continue;
            }
            Plan.Prediction wbc = planFor(c).predicted().get("wbc");
            double reduction = 100 * (wbc.pre() - wbc.post()) / wbc.pre();
            assertThat(reduction).as(c.name()).isBetween(c.get("reductionLow"), c.get("reductionHigh"));
        }
    }
}
