package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NIH 2014 global severity of chronic GVHD, rule by rule (Nih2014; thresholds partly UNVERIFIED, see there). */
class ChronicGvhdSeverityTest {

    private static ChronicGvhdSeverity severity(int skin, int mouth, int eyes, int gi, int liver, int lungs, int joints,
            int genital) {
        return ChronicOrganScores.of(skin, mouth, eyes, gi, liver, lungs, joints, genital).severity().severity();
    }

    @Test
    void lung_score_1_alone_is_moderate() {
        assertThat(severity(0, 0, 0, 0, 0, 1, 0, 0)).isEqualTo(ChronicGvhdSeverity.MODERATE);
    }

    @Test
    void lung_score_2_alone_is_severe() {
        assertThat(severity(0, 0, 0, 0, 0, 2, 0, 0)).isEqualTo(ChronicGvhdSeverity.SEVERE);
    }

    @Test
    void any_organ_at_score_3_is_severe() {
        for (ChronicOrgan o : ChronicOrgan.values()) {
            int[] s = new int[8];
            s[o.ordinal()] = 3;
            assertThat(severity(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])).as(o.label()).isEqualTo(ChronicGvhdSeverity.SEVERE);
        }
    }

    @Test
    void any_organ_other_than_the_lung_at_score_2_is_moderate() {
        for (ChronicOrgan o : ChronicOrgan.values()) {
            if (o == ChronicOrgan.LUNGS) {
                continue;
            }
            int[] s = new int[8];
            s[o.ordinal()] = 2;
            assertThat(severity(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])).as(o.label())
                    .isEqualTo(ChronicGvhdSeverity.MODERATE);
        }
    }

    @Test
    void two_organs_at_score_1_with_the_lung_at_0_are_mild_and_a_third_makes_it_moderate() {
        assertThat(severity(1, 1, 0, 0, 0, 0, 0, 0)).isEqualTo(ChronicGvhdSeverity.MILD);
        assertThat(severity(1, 1, 1, 0, 0, 0, 0, 0)).isEqualTo(ChronicGvhdSeverity.MODERATE);
    }

    @Test
    void one_organ_at_score_1_is_mild() {
        assertThat(severity(0, 1, 0, 0, 0, 0, 0, 0)).isEqualTo(ChronicGvhdSeverity.MILD);
    }

    @Test
    void no_organ_scored_is_none_which_is_not_an_nih_category() {
        Nih2014.Grading g = ChronicOrganScores.of(0, 0, 0, 0, 0, 0, 0, 0).severity();
        assertThat(g.severity()).isEqualTo(ChronicGvhdSeverity.NONE);
        assertThat(g.rule()).contains("not an NIH category");
    }

    @Test
    void an_organ_explained_wholly_by_another_cause_is_not_counted_and_the_rule_says_so() {
        Nih2014.Grading g = new ChronicOrganScores(1, 0, 0, 0, 0, 2, 0, 0, Set.of(ChronicOrgan.LUNGS)).severity();
        assertThat(g.severity()).isEqualTo(ChronicGvhdSeverity.MILD);
        assertThat(g.rule()).contains("not counted").contains("lungs score 2");
    }

    @Test
    void the_rule_names_the_organs_that_met_it_the_citation_and_the_unverified_mark() {
        Nih2014.Grading g = ChronicOrganScores.of(2, 1, 0, 0, 0, 1, 0, 0).severity();
        assertThat(g.severity()).isEqualTo(ChronicGvhdSeverity.MODERATE);
        assertThat(g.rule()).startsWith("moderate: ").contains("here skin score 2, lungs score 1")
                .contains(Nih2014.CITED).contains("UNVERIFIED");
    }

    @Test
    void three_organs_at_score_1_are_named_as_the_count_that_made_it_moderate() {
        assertThat(ChronicOrganScores.of(1, 1, 1, 0, 0, 0, 0, 0).severity().rule())
                .contains("here 3 organs at score 1 (skin score 1, mouth score 1, eyes score 1)");
    }
}
