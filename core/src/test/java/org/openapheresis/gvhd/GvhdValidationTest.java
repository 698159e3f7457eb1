package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Impossible findings are refused at construction with a keyed problem naming the field; nothing is clamped. */
class GvhdValidationTest {

    private static List<Problem> problems(ThrowingCallable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("an InvalidInputException").isNotNull();
        return e.problems();
    }

    private static void assertRefused(ThrowingCallable call, String field, MessageKey key, Object... params) {
        assertThat(problems(call)).containsExactly(Problem.of(field, key, params));
    }

    @Test
    void skin_rash_outside_0_to_100_percent_is_refused() {
        assertRefused(() -> SkinFinding.rash(-1), "skin.activeRashBodySurfacePercent", MessageKey.OUT_OF_RANGE, -1.0, 0.0, 100.0);
        assertRefused(() -> SkinFinding.rash(100.5), "skin.activeRashBodySurfacePercent", MessageKey.OUT_OF_RANGE, 100.5, 0.0,
                100.0);
        assertRefused(() -> SkinFinding.rash(Double.NaN), "skin.activeRashBodySurfacePercent", MessageKey.NOT_FINITE, Double.NaN);
    }

    @Test
    void erythroderma_without_any_active_rash_is_refused() {
        List<Problem> p = problems(() -> new SkinFinding(0, true));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).field()).isEqualTo("skin.generalizedErythrodermaWithBullaeAndDesquamation");
        assertThat(p.get(0).key()).isEqualTo(MessageKey.INVALID);
    }

    @Test
    void bilirubin_below_0_or_above_150_mg_per_dl_is_refused() {
        assertRefused(() -> new LiverFinding(-0.1), "liver.totalBilirubinMgPerDl", MessageKey.OUT_OF_RANGE, -0.1, 0.0, 150.0);
        assertRefused(() -> new LiverFinding(151), "liver.totalBilirubinMgPerDl", MessageKey.OUT_OF_RANGE, 151.0, 0.0, 150.0);
        assertThat(new LiverFinding(150).stage().stage()).isEqualTo(4);
    }

    @Test
    void bilirubin_in_micromol_per_litre_is_refused_in_its_own_field_and_unit() {
        assertRefused(() -> LiverFinding.ofTotalBilirubinMicromolPerL(3000), "liver.totalBilirubinMicromolPerL",
                MessageKey.OUT_OF_RANGE, 3000.0, 0.0, 150 * 17.1);
        assertRefused(() -> LiverFinding.ofTotalBilirubinMicromolPerL(-5), "liver.totalBilirubinMicromolPerL",
                MessageKey.OUT_OF_RANGE, -5.0, 0.0, 150 * 17.1);
    }

    @Test
    void negative_or_impossible_stool_output_is_refused() {
        assertRefused(() -> LowerGiFinding.adult(-10), "lowerGi.stoolOutputMlPerDay", MessageKey.OUT_OF_RANGE, -10.0, 0.0,
                30000.0);
        assertRefused(() -> LowerGiFinding.adult(40000), "lowerGi.stoolOutputMlPerDay", MessageKey.OUT_OF_RANGE, 40000.0, 0.0,
                30000.0);
        assertRefused(() -> LowerGiFinding.child(-1), "lowerGi.stoolOutputMlPerKgPerDay", MessageKey.OUT_OF_RANGE, -1.0, 0.0,
                1000.0);
        assertRefused(() -> LowerGiFinding.child(Double.POSITIVE_INFINITY), "lowerGi.stoolOutputMlPerKgPerDay",
                MessageKey.NOT_FINITE, Double.POSITIVE_INFINITY);
    }

    @Test
    void adult_and_child_stool_output_together_are_refused() {
        List<Problem> p = problems(() -> new LowerGiFinding(OptionalDouble.of(800), OptionalDouble.of(12), false, false));
        assertThat(p).extracting(Problem::field, Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lowerGi.stoolOutputMlPerKgPerDay", MessageKey.MUTUALLY_EXCLUSIVE));
    }

    @Test
    void a_stool_output_is_required_unless_a_stage_4_sign_is_recorded() {
        List<Problem> p = problems(() -> LowerGiFinding.withoutVolume(false, false));
        assertThat(p).extracting(Problem::field, Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lowerGi.stoolOutputMlPerDay", MessageKey.REQUIRED_WHEN));
        assertThat(LowerGiFinding.withoutVolume(true, false).stage().stage()).isEqualTo(4);
    }

    @Test
    void missing_organs_are_all_named_at_once() {
        assertThat(problems(() -> new GvhdFindings(null, null, null, null))).extracting(Problem::field)
                .containsExactly("skin", "liver", "upperGi", "lowerGi");
    }

    @Test
    void a_stage_the_organ_does_not_have_is_refused_when_grading_entered_stages() {
        assertRefused(() -> Magic2016.grade(0, 0, 2, 0), "stages.upperGi", MessageKey.OUT_OF_RANGE, 2.0, 0.0, 1.0);
        assertThat(problems(() -> Magic2016.grade(5, -1, 0, 7))).extracting(Problem::field)
                .containsExactly("stages.skin", "stages.liver", "stages.lowerGi");
    }

    @Test
    void chimerism_outside_0_to_100_percent_or_without_compartment_or_date_is_refused() {
        assertRefused(() -> new Chimerism(101, ChimerismCompartment.WHOLE_BLOOD, LocalDate.of(2026, 11, 20)),
                "chimerism.donorPercent", MessageKey.OUT_OF_RANGE, 101.0, 0.0, 100.0);
        assertThat(problems(() -> new Chimerism(-1, null, null))).extracting(Problem::field)
                .containsExactly("chimerism.donorPercent", "chimerism.compartment", "chimerism.sampledOn");
    }
}
