package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import org.junit.jupiter.api.Test;

class HematocritLowPreRuleTest {

    final CandidacyRule rule = new HematocritLowPreRule();

    @Test
    void haematocrit_below_25_percent_before_a_plasma_exchange_warns_and_says_its_thresholds_are_unverified() {
        Warning w = rule.check(facts(adultWoman(24, 240), exchange(100), history(false, false))).orElseThrow();
        assertThat(w.message()).contains("24 %").contains("25 %");
        assertThat(w.source()).startsWith("UNVERIFIED");
    }

    @Test
    void is_silent_at_25_percent() {
        assertThat(rule.check(facts(adultWoman(25, 240), exchange(100), history(false, false)))).isEmpty();
    }

    @Test
    void in_hyperleukocytosis_it_warns_against_transfusing_before_cytoreduction_and_advises_no_prime() {
        Warning w = rule.check(facts(Candidates.hyperleukocytosis(24), java.util.Map.of("type", "leukocytapheresis",
                "bloodVolumesProcessed", 2.0), history(false, false))).orElseThrow();
        assertThat(w.message()).contains("24 %").contains("leukostasis").contains("10 g/dL")
                .doesNotContain("red-cell prime or transfusion");
        assertThat(w.source()).contains("Harris AL, Br Med J 1978;1:1169");
    }

    @Test
    void a_white_count_above_100_counts_as_hyperleukocytosis_in_any_cell_procedure() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(Candidates.adultWoman(26, 200));
        p.put("labs", java.util.Map.of("plateletsE9PerL", 200, "wbcE9PerL", 120, "cd34PerUl", 20));
        Warning w = rule.check(facts(p, java.util.Map.of("type", "hpc-collection", "bloodVolumesProcessed", 2.0),
                history(false, false))).orElseThrow();
        assertThat(w.message()).contains("leukostasis");
    }
}
