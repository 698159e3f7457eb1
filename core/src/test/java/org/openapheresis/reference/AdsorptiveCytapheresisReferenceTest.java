package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.NewProcedureRequests;
import org.openapheresis.procedure.Plan;

/** adsorptive-cytapheresis-adacolumn-j-clin-apher-2001.txt: the Adacolumn session, course and adsorbed shares. */
class AdsorptiveCytapheresisReferenceTest {

    private static final String FILE = "adsorptive-cytapheresis-adacolumn-j-clin-apher-2001.txt";

    @Test
    void an_adacolumn_session_and_course_are_the_trials() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "published");
        Plan p = NewProcedureRequests.plan(NewProcedureRequests.colitisAdult(), NewProcedureRequests.adacolumn());
        assertThat(p.processedVolumeMl()).isEqualTo(c.get("volumeMl"));
        assertThat(p.column().flowMlPerMin()).isEqualTo(c.get("flowMlPerMin"));
        assertThat(p.durationMin()).isEqualTo(c.get("minutes"));
        assertThat(p.treatmentSchedule().sessions()).isEqualTo((int) c.get("sessions"));
        assertThat(p.treatmentSchedule().sessionDays().get(1)).isEqualTo(c.get("intervalDays"));
    }

    @Test
    void the_cells_adsorbed_are_the_published_shares_of_those_passing_the_column() {
        CellReferenceFile.Case published = CellReferenceFile.one(FILE, "published");
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "adsorbed");
        Plan p = NewProcedureRequests.plan(NewProcedureRequests.colitisAdult(), NewProcedureRequests.adacolumn());
        double litres = published.get("volumeMl") / 1000;
        double granulocytes = c.get("neutrophils") * 1e9 * litres * c.get("granulocyteShare");
        double lymphocytes = c.get("lymphocytes") * 1e9 * litres * c.get("lymphocyteShare");
        assertThat(p.column().granulocytesAdsorbed()).isCloseTo(granulocytes, within(0.005 * granulocytes));
        assertThat(p.column().lymphocytesAdsorbed()).isCloseTo(lymphocytes, within(0.005 * lymphocytes));
    }
}
