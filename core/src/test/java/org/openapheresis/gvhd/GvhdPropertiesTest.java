package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of MAGIC staging and grading over seeded random inputs. */
class GvhdPropertiesTest {

    @Provide
    Arbitrary<int[]> stages() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofSize(4)
                .map(s -> new int[] {s[0], s[1], Math.min(s[2], 1), s[3]});
    }

    @Property(tries = 2000, seed = "20261120")
    void the_grade_never_falls_when_any_organs_stage_rises(@ForAll("stages") int[] stages,
            @ForAll @IntRange(min = 0, max = 3) int organ) {
        Organ o = Organ.values()[organ];
        if (stages[organ] == o.maxStage()) {
            return;
        }
        int[] raised = stages.clone();
        raised[organ]++;
        assertThat(grade(raised)).as(o + " raised from " + java.util.Arrays.toString(stages)).isGreaterThanOrEqualTo(grade(stages));
    }

    @Property(tries = 2000, seed = "20261120")
    void the_grade_is_zero_only_when_no_organ_is_involved(@ForAll("stages") int[] stages) {
        boolean none = stages[0] == 0 && stages[1] == 0 && stages[2] == 0 && stages[3] == 0;
        assertThat(grade(stages) == MagicGrade.ZERO).isEqualTo(none);
    }

    @Property(tries = 2000, seed = "20261120")
    void any_stage_4_gives_grade_4_and_grade_4_needs_a_stage_4(@ForAll("stages") int[] stages) {
        boolean anyFour = stages[0] == 4 || stages[1] == 4 || stages[3] == 4;
        assertThat(grade(stages) == MagicGrade.IV).isEqualTo(anyFour);
    }

    @Property(tries = 2000, seed = "20261120")
    void a_higher_bilirubin_never_gives_a_lower_liver_stage(@ForAll @DoubleRange(min = 0, max = 150) double a,
            @ForAll @DoubleRange(min = 0, max = 150) double b) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        assertThat(new LiverFinding(high).stage().stage()).isGreaterThanOrEqualTo(new LiverFinding(low).stage().stage());
    }

    @Property(tries = 2000, seed = "20261120")
    void a_larger_rash_never_gives_a_lower_skin_stage(@ForAll @DoubleRange(min = 0, max = 100) double a,
            @ForAll @DoubleRange(min = 0, max = 100) double b) {
        assertThat(SkinFinding.rash(Math.max(a, b)).stage().stage())
                .isGreaterThanOrEqualTo(SkinFinding.rash(Math.min(a, b)).stage().stage());
    }

    @Property(tries = 2000, seed = "20261120")
    void more_stool_never_gives_a_lower_lower_gi_stage(@ForAll @DoubleRange(min = 0, max = 30000) double a,
            @ForAll @DoubleRange(min = 0, max = 30000) double b) {
        assertThat(LowerGiFinding.adult(Math.max(a, b)).stage().stage())
                .isGreaterThanOrEqualTo(LowerGiFinding.adult(Math.min(a, b)).stage().stage());
        double childA = a / 30;
        double childB = b / 30;
        assertThat(LowerGiFinding.child(Math.max(childA, childB)).stage().stage())
                .isGreaterThanOrEqualTo(LowerGiFinding.child(Math.min(childA, childB)).stage().stage());
    }

    @Property(tries = 2000, seed = "20261120")
    void micromol_and_milligram_entries_of_the_same_bilirubin_give_the_same_stage(
            @ForAll @DoubleRange(min = 0, max = 150) double mgPerDl) {
        double rounded = Math.round(mgPerDl * 100) / 100.0;
        double micromol = rounded * LiverFinding.BILIRUBIN_MICROMOL_PER_L_PER_MG_PER_DL;
        LiverFinding converted = LiverFinding.ofTotalBilirubinMicromolPerL(micromol);
        assertThat(converted.totalBilirubinMgPerDl()).isEqualTo(rounded);
        assertThat(converted.stage().stage()).isEqualTo(new LiverFinding(rounded).stage().stage());
    }

    private static MagicGrade grade(int[] s) {
        return Magic2016.grade(s[0], s[1], s[2], s[3]).grade();
    }
}
