package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the NIH 2014 global severity over seeded random organ scores. */
class ChronicGvhdPropertiesTest {

    @Provide
    Arbitrary<int[]> scores() {
        return Arbitraries.integers().between(0, 3).array(int[].class).ofSize(8);
    }

    @Property(tries = 2000, seed = "20261202")
    void the_severity_never_falls_when_any_organs_score_rises(@ForAll("scores") int[] s,
            @ForAll @IntRange(min = 0, max = 7) int organ) {
        if (s[organ] == 3) {
            return;
        }
        int[] raised = s.clone();
        raised[organ]++;
        assertThat(severity(raised)).as(ChronicOrgan.values()[organ] + " raised from " + Arrays.toString(s))
                .isGreaterThanOrEqualTo(severity(s));
    }

    @Property(tries = 2000, seed = "20261202")
    void severe_exactly_when_an_organ_is_at_3_or_the_lung_at_2_or_more(@ForAll("scores") int[] s) {
        boolean expected = Arrays.stream(s).anyMatch(x -> x == 3) || s[ChronicOrgan.LUNGS.ordinal()] >= 2;
        assertThat(severity(s) == ChronicGvhdSeverity.SEVERE).isEqualTo(expected);
    }

    @Property(tries = 2000, seed = "20261202")
    void mild_only_with_one_or_two_organs_all_at_1_and_the_lung_at_0(@ForAll("scores") int[] s) {
        long involved = Arrays.stream(s).filter(x -> x > 0).count();
        boolean expected = involved >= 1 && involved <= 2 && Arrays.stream(s).allMatch(x -> x <= 1)
                && s[ChronicOrgan.LUNGS.ordinal()] == 0;
        assertThat(severity(s) == ChronicGvhdSeverity.MILD).isEqualTo(expected);
    }

    @Property(tries = 2000, seed = "20261202")
    void none_exactly_when_every_organ_scores_0(@ForAll("scores") int[] s) {
        assertThat(severity(s) == ChronicGvhdSeverity.NONE).isEqualTo(Arrays.stream(s).allMatch(x -> x == 0));
    }

    @Property(tries = 2000, seed = "20261202")
    void the_rule_sentence_starts_with_the_severity_and_carries_the_citation(@ForAll("scores") int[] s) {
        Nih2014.Grading g = grading(s);
        assertThat(g.rule()).startsWith(g.severity().code() + ": ").contains(Nih2014.CITED);
    }

    private static Nih2014.Grading grading(int[] s) {
        return ChronicOrganScores.of(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]).severity();
    }

    private static ChronicGvhdSeverity severity(int[] s) {
        return grading(s).severity();
    }
}
