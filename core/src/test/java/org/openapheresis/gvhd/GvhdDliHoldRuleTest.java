package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** The next DLI dose is held when grade II or more was recorded since the last dose. */
class GvhdDliHoldRuleTest {

    private static final LocalDateTime LAST_DOSE = LocalDateTime.of(2026, 11, 10, 10, 0);

    private static GvhdAssessment at(int month, int day, MagicGrade grade) {
        return new GvhdAssessment(LocalDateTime.of(2026, month, day, 9, 0), grade);
    }

    @Test
    void grade_2_since_the_last_dose_holds_the_next_dose_with_the_grade_and_both_dates() {
        DliHoldDecision d = DliHoldRule.decide(LAST_DOSE, List.of(at(11, 20, MagicGrade.II)));
        assertThat(d.hold()).isTrue();
        assertThat(d.warning()).hasValue("acute GVHD grade II recorded on 2026-11-20 since the last dose on 2026-11-10: "
                + "hold the next dose; the physician decides");
        assertThat(d.qualifying()).containsExactly(at(11, 20, MagicGrade.II));
    }

    @Test
    void grade_1_or_0_since_the_last_dose_does_not_hold() {
        DliHoldDecision d = DliHoldRule.decide(LAST_DOSE, List.of(at(11, 15, MagicGrade.I), at(11, 20, MagicGrade.ZERO)));
        assertThat(d.hold()).isFalse();
        assertThat(d.warning()).isEmpty();
        assertThat(d.qualifying()).isEmpty();
    }

    @Test
    void grade_2_or_more_before_the_last_dose_does_not_hold() {
        assertThat(DliHoldRule.decide(LAST_DOSE, List.of(at(11, 1, MagicGrade.IV))).hold()).isFalse();
        assertThat(DliHoldRule.decide(LAST_DOSE, List.of(new GvhdAssessment(LAST_DOSE.minusMinutes(1), MagicGrade.III))).hold())
                .isFalse();
    }

    @Test
    void an_assessment_at_the_very_time_of_the_dose_counts_as_since_the_dose() {
        assertThat(DliHoldRule.decide(LAST_DOSE, List.of(new GvhdAssessment(LAST_DOSE, MagicGrade.II))).hold()).isTrue();
    }

    @Test
    void every_grade_from_2_holds() {
        for (MagicGrade g : MagicGrade.values()) {
            assertThat(DliHoldRule.decide(LAST_DOSE, List.of(at(11, 20, g))).hold()).as(g.roman()).isEqualTo(g.atLeast(MagicGrade.II));
        }
    }

    @Test
    void a_later_resolution_does_not_lift_the_hold_the_physician_decides() {
        DliHoldDecision d = DliHoldRule.decide(LAST_DOSE, List.of(at(11, 27, MagicGrade.ZERO), at(11, 20, MagicGrade.II)));
        assertThat(d.hold()).isTrue();
    }

    @Test
    void the_warning_names_the_highest_grade_and_the_first_date_it_was_recorded() {
        DliHoldDecision d = DliHoldRule.decide(LAST_DOSE,
                List.of(at(11, 25, MagicGrade.III), at(11, 15, MagicGrade.II), at(11, 28, MagicGrade.III)));
        assertThat(d.warning()).hasValue("acute GVHD grade III recorded on 2026-11-25 since the last dose on 2026-11-10: "
                + "hold the next dose; the physician decides (3 assessments of grade II or more since that dose)");
        assertThat(d.qualifying()).extracting(GvhdAssessment::assessedAt)
                .containsExactly(at(11, 15, MagicGrade.II).assessedAt(), at(11, 25, MagicGrade.III).assessedAt(),
                        at(11, 28, MagicGrade.III).assessedAt());
    }

    @Test
    void no_assessment_since_the_last_dose_does_not_hold() {
        assertThat(DliHoldRule.decide(LAST_DOSE, List.of()).hold()).isFalse();
    }

    @Test
    void a_missing_dose_time_or_assessment_is_named() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> DliHoldRule.decide(null, Arrays.asList(at(11, 20, MagicGrade.II), null)));
        assertThat(e.problems()).containsExactly(Problem.of("lastDoseAt", MessageKey.REQUIRED),
                Problem.of("assessments[1]", MessageKey.REQUIRED));
        InvalidInputException none = catchThrowableOfType(InvalidInputException.class, () -> DliHoldRule.decide(LAST_DOSE, null));
        assertThat(none.problems()).containsExactly(Problem.of("assessments", MessageKey.REQUIRED));
    }

    @Test
    void findings_at_a_visit_flow_into_the_hold_rule() {
        FollowUpVisit visit = new FollowUpVisit(LocalDateTime.of(2026, 11, 20, 14, 0),
                new GvhdFindings(SkinFinding.clear(), new LiverFinding(4.0), new UpperGiFinding(false), LowerGiFinding.adult(200)),
                List.of());
        DliHoldDecision d = DliHoldRule.decide(LAST_DOSE, List.of(visit.assessment()));
        assertThat(d.warning()).hasValue("acute GVHD grade III recorded on 2026-11-20 since the last dose on 2026-11-10: "
                + "hold the next dose; the physician decides");
    }
}
