package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.conditions;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.hyperleukocytosis;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The separator maker's contraindication of leukocytapheresis in acute promyelocytic leukaemia: an order whose
 * indication is ICD-10 C92.4 (any of its ICD-10-CM remission codes) or a record naming the disease warns as danger;
 * other leukaemias, other procedures and words that only contain the letters are left alone.
 */
class LeukapheresisInAplRuleTest {

    final CandidacyRule rule = new LeukapheresisInAplRule();

    static final Map<String, Object> LEUKAPHERESIS = Map.of("type", "leukocytapheresis", "bloodVolumesProcessed", 2.0);

    @Test
    void an_apl_indication_warns_as_danger_and_names_the_code() {
        for (String code : List.of("C92.4", "C92.40", "c92.41", "C92.42")) {
            Warning w = rule.check(facts(hyperleukocytosis(30), LEUKAPHERESIS, conditions(List.of()), code))
                    .orElseThrow(() -> new AssertionError(code + " should warn"));
            assertThat(w.code()).isEqualTo(WarningCode.LEUKAPHERESIS_IN_APL);
            assertThat(w.severity()).isEqualTo(Severity.DANGER);
            assertThat(w.message()).contains("the order's indication is " + code.toUpperCase(java.util.Locale.ROOT))
                    .contains("disseminated intravascular coagulation");
            assertThat(w.source()).contains("Spectra Optia").contains("FAB M3");
        }
    }

    @Test
    void a_condition_on_the_record_warns_whatever_the_order_s_code() {
        for (String c : List.of("Acute promyelocytic leukaemia, diagnosed 2026-11-28", "APL (PML-RARA positive)",
                "AML M3", "AML FAB M3 with coagulopathy", "AML with t(15;17)")) {
            Warning w = rule.check(facts(hyperleukocytosis(30), LEUKAPHERESIS, conditions(List.of(c)), "C92.00"))
                    .orElseThrow(() -> new AssertionError(c + " should warn"));
            assertThat(w.message()).contains("condition recorded: " + c).doesNotContain("indication is");
        }
    }

    @Test
    void is_silent_for_other_leukaemias_other_procedures_and_look_alike_words() {
        assertThat(rule.check(facts(hyperleukocytosis(30), LEUKAPHERESIS, conditions(List.of("AML M5, monocytic")),
                "C92.00"))).as("another AML").isEmpty();
        assertThat(rule.check(facts(hyperleukocytosis(30), LEUKAPHERESIS, conditions(List.of()), "C91.00")))
                .as("ALL").isEmpty();
        assertThat(rule.check(facts(hyperleukocytosis(30), LEUKAPHERESIS, conditions(List.of("Applied for asylum",
                "chapel visit")), "C92.10"))).as("letters inside words").isEmpty();
        assertThat(rule.check(facts(Candidates.adultWoman(35, 200), Candidates.exchange(100),
                conditions(List.of("APL in remission")), "C92.41"))).as("a plasma exchange").isEmpty();
    }
}
