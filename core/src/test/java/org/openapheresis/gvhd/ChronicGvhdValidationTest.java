package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Organ scores outside 0-3 and impossible attributions are refused, naming the field; all problems at once. */
class ChronicGvhdValidationTest {

    @Test
    void a_score_above_3_or_below_0_is_refused_naming_each_organ() {
        assertThatThrownBy(() -> ChronicOrganScores.of(4, 0, -1, 0, 0, 0, 0, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("scores.skin", "scores.eyes");
                    assertThat(e.problems()).extracting(Problem::key).containsOnly(MessageKey.OUT_OF_RANGE);
                });
    }

    @Test
    void a_lung_score_of_4_is_refused_naming_the_lungs() {
        assertThatThrownBy(() -> ChronicOrganScores.of(0, 0, 0, 0, 0, 4, 0, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("scores.lungs"));
    }

    @Test
    void an_organ_at_score_0_cannot_be_attributed_to_another_cause() {
        assertThatThrownBy(() -> new ChronicOrganScores(1, 0, 0, 0, 0, 0, 0, 0, Set.of(ChronicOrgan.LIVER)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("nonGvhdCause");
                    assertThat(e.problems().get(0).key()).isEqualTo(MessageKey.INVALID);
                });
    }

    @Test
    void the_boundary_scores_0_and_3_are_accepted() {
        assertThat(ChronicOrganScores.of(0, 3, 0, 3, 0, 3, 0, 3).score(ChronicOrgan.GENITAL_TRACT)).isEqualTo(3);
    }
}
