package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GvhdChimerismTest {

    @Test
    void a_chimerism_result_keeps_its_compartment_and_date() {
        Chimerism c = new Chimerism(92, ChimerismCompartment.CD3_T_CELLS, LocalDate.of(2026, 11, 20));
        assertThat(c.describe()).isEqualTo("donor chimerism 92 % in CD3+ T cells on 2026-11-20");
        assertThat(new Chimerism(0, ChimerismCompartment.CD33_MYELOID, LocalDate.of(2026, 11, 20)).donorPercent()).isZero();
        assertThat(new Chimerism(100, ChimerismCompartment.WHOLE_BLOOD, LocalDate.of(2026, 11, 20)).donorPercent()).isEqualTo(100);
    }

    @Test
    void a_follow_up_visit_records_findings_and_chimerism_and_gives_its_graded_assessment() {
        LocalDateTime at = LocalDateTime.of(2026, 11, 20, 9, 30);
        FollowUpVisit visit = new FollowUpVisit(at, new GvhdFindings(SkinFinding.rash(10), new LiverFinding(0.8),
                new UpperGiFinding(false), LowerGiFinding.adult(900)),
                List.of(new Chimerism(97.5, ChimerismCompartment.WHOLE_BLOOD, LocalDate.of(2026, 11, 18))));
        assertThat(visit.staging().grade()).isEqualTo(MagicGrade.II);
        assertThat(visit.assessment()).isEqualTo(new GvhdAssessment(at, MagicGrade.II));
        assertThat(visit.chimerism()).hasSize(1);
    }
}
