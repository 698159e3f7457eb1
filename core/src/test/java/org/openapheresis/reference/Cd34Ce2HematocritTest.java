package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;

/** cd34-ce2-hematocrit-optia-transfusion-2022.txt: CD34+ CE2 follows the haematocrit on continuous flow. */
class Cd34Ce2HematocritTest {

    private static final String FILE = "cd34-ce2-hematocrit-optia-transfusion-2022.txt";

    private static Plan collection(double hematocritPercent, Object... procedure) {
        var patient = obj("sex", "male", "ageYears", 55, "heightCm", 180, "weightKg", 80, "hematocritPercent",
                hematocritPercent, "labs", obj("cd34PerUl", 30));
        return plan(request(patient, obj(procedure)));
    }

    @Test
    void the_planned_ce2_is_the_published_line_at_the_patients_haematocrit_and_meets_independent_medians() {
        for (CellReferenceFile.Case c : CellReferenceFile.read(FILE)) {
            Plan p = collection(c.get("hematocritPercent"), "type", "hpc-collection", "bloodVolumesProcessed", 2.0);
            double ce2Percent = 100 * p.collected().cd34Cells() / (30 * 1000 * p.processedVolumeMl());
            assertThat(ce2Percent).as(c.name()).isCloseTo(c.get("ce2Percent"), within(c.get("tolerance")));
        }
    }

    @Test
    void an_anaemic_patient_needs_more_blood_processed_and_more_days_for_the_same_target() {
        Plan anaemic = collection(25, "type", "hpc-collection", "target", obj("cd34PerKg", 8e6));
        Plan normal = collection(40, "type", "hpc-collection", "target", obj("cd34PerKg", 8e6));
        assertThat(anaemic.sessionsNeeded()).isGreaterThan(normal.sessionsNeeded());
        assertThat(anaemic.assumptions()).anyMatch(a -> a.contains("1.23 x Hct + 12.23") && a.contains("25%"));
    }
}
