package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import org.junit.jupiter.api.Test;

class PlateletsLowPreRuleTest {

    final CandidacyRule rule = new PlateletsLowPreRule();

    @Test
    void platelets_below_50_before_the_procedure_warn_naming_the_count() {
        Warning w = rule.check(facts(adultWoman(40, 49), exchange(100), history(false, false))).orElseThrow();
        assertThat(w.message()).contains("49 x10^9/L");
        assertThat(w.source()).contains("AABB");
    }

    @Test
    void is_silent_at_50() {
        assertThat(rule.check(facts(adultWoman(40, 50), exchange(100), history(false, false)))).isEmpty();
    }
}
