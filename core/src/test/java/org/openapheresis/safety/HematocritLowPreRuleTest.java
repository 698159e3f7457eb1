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
}
