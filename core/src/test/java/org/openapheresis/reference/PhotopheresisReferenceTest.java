package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.NewProcedureRequests;
import org.openapheresis.procedure.Plan;

/** photopheresis-uvadex-label.txt: the label's methoxsalen example and its normal schedule. */
class PhotopheresisReferenceTest {

    private static final String FILE = "photopheresis-uvadex-label.txt";

    @Test
    void a_240_ml_treatment_volume_takes_4_1_ml_of_uvadex_as_in_the_label() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "labelExample");
        Plan p = NewProcedureRequests.plan(NewProcedureRequests.gvhdAdult(),
                NewProcedureRequests.offlineEcp("method", "inline", "treatmentVolumeMl", c.get("treatmentVolumeMl")));
        assertThat(p.photopheresis().methoxsalenMl()).isCloseTo(c.get("uvadexMl"), within(0.05));
        assertThat(p.photopheresis().methoxsalenMicrograms()).isCloseTo(c.get("micrograms"), within(0.05));
        assertThat(p.photopheresis().methoxsalenVials()).isEqualTo((int) c.get("vials"));
    }

    @Test
    void the_label_schedule_is_two_consecutive_days_every_four_weeks_for_seven_cycles() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "labelSchedule");
        Plan.TreatmentSchedule s = NewProcedureRequests.plan(NewProcedureRequests.gvhdAdult(),
                NewProcedureRequests.offlineEcp("regimen", "label-ctcl", "treatmentCycles", (int) c.get("cycles")))
                .treatmentSchedule();
        assertThat(s.sessions()).isEqualTo((int) c.get("sessions"));
        assertThat(s.sessionDays().get(s.sessions() - 1)).isEqualTo(c.get("lastDay"));
        assertThat(s.sessionDays().get(2) - s.sessionDays().get(0)).isEqualTo(7 * c.get("intervalWeeks"));
    }
}
