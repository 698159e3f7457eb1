package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overall grade from the four organ stages (MAGIC, Harris 2016 Table 1; grade table UNVERIFIED, see Magic2016). */
class GvhdGradeTest {

    @ParameterizedTest(name = "skin {0}, liver {1}, upper GI {2}, lower GI {3} is grade {4}")
    @CsvSource({
        // no organ involved
        "0, 0, 0, 0, ZERO",
        // grade I: stage 1-2 skin alone
        "1, 0, 0, 0, I",
        "2, 0, 0, 0, I",
        // grade II: skin 3 alone, or stage 1 liver, upper GI or lower GI
        "3, 0, 0, 0, II",
        "0, 1, 0, 0, II",
        "0, 0, 1, 0, II",
        "0, 0, 0, 1, II",
        "2, 1, 1, 1, II",
        "3, 1, 1, 1, II",
        // grade III: stage 2-3 liver or lower GI, with skin 0-3 and upper GI 0-1
        "0, 2, 0, 0, III",
        "0, 3, 0, 0, III",
        "0, 0, 0, 2, III",
        "0, 0, 0, 3, III",
        "3, 3, 1, 3, III",
        // grade IV: any stage 4 of skin, liver or lower GI
        "4, 0, 0, 0, IV",
        "0, 4, 0, 0, IV",
        "0, 0, 0, 4, IV",
        "4, 4, 1, 4, IV",
    })
    void grades_the_stages_as_the_magic_table(int skin, int liver, int upperGi, int lowerGi, MagicGrade expected) {
        assertThat(Magic2016.grade(skin, liver, upperGi, lowerGi).grade()).isEqualTo(expected);
    }

    @Test
    void skin_stage_3_alone_is_grade_2() {
        assertThat(Magic2016.grade(3, 0, 0, 0).grade()).isEqualTo(MagicGrade.II);
    }

    @Test
    void liver_stage_2_is_grade_3() {
        assertThat(Magic2016.grade(0, 2, 0, 0).grade()).isEqualTo(MagicGrade.III);
    }

    @Test
    void lower_gi_stage_1_alone_is_grade_2() {
        assertThat(Magic2016.grade(0, 0, 0, 1).grade()).isEqualTo(MagicGrade.II);
    }

    @Test
    void any_stage_4_is_grade_4() {
        assertThat(Magic2016.grade(4, 0, 0, 0).grade()).isEqualTo(MagicGrade.IV);
        assertThat(Magic2016.grade(0, 4, 0, 0).grade()).isEqualTo(MagicGrade.IV);
        assertThat(Magic2016.grade(0, 0, 0, 4).grade()).isEqualTo(MagicGrade.IV);
    }

    @Test
    void a_lower_stage_can_give_a_higher_grade_so_the_grade_is_not_the_highest_stage() {
        assertThat(Magic2016.grade(3, 0, 0, 0).grade()).isEqualTo(MagicGrade.II);
        assertThat(Magic2016.grade(0, 0, 0, 2).grade()).isEqualTo(MagicGrade.III);
    }

    @Test
    void the_grade_rule_names_the_row_the_organs_that_reached_it_and_the_unverified_mark() {
        assertThat(Magic2016.grade(1, 2, 0, 3).rule()).isEqualTo("grade III: stage 2–3 liver and/or stage 2–3 lower GI, "
                + "with stage 0–3 skin and stage 0–1 upper GI; here liver stage 2, lower GI stage 3 (MAGIC, Harris 2016) "
                + "(UNVERIFIED: the grade table was read only as reproduced in public code)");
        assertThat(Magic2016.grade(0, 0, 0, 0).rule()).startsWith("grade 0: no stage 1–4 of any organ (MAGIC, Harris 2016)");
    }

    @Test
    void a_visits_findings_are_staged_and_graded_together() {
        GvhdFindings findings = new GvhdFindings(SkinFinding.rash(60), new LiverFinding(1.0), new UpperGiFinding(false),
                LowerGiFinding.adult(300));
        MagicStaging staging = findings.staging();
        assertThat(staging.stages()).extracting(OrganStage::stage).containsExactly(3, 0, 0, 0);
        assertThat(staging.grade()).isEqualTo(MagicGrade.II);
        assertThat(staging.gradeRule()).contains("here skin stage 3");
    }
}
