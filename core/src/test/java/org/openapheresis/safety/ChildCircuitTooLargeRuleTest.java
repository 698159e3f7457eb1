package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.child;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import org.junit.jupiter.api.Test;

class ChildCircuitTooLargeRuleTest {

    final CandidacyRule rule = new ChildCircuitTooLargeRule();

    @Test
    void a_circuit_above_15_percent_of_a_childs_blood_volume_warns() {
        Warning w = rule.check(facts(child(), exchange(100), history(false, false))).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.CHILD_CIRCUIT_TOO_LARGE);
        assertThat(w.message()).contains("child's blood volume");
    }

    @Test
    void an_adult_gets_no_child_warning() {
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(100), history(false, false)))).isEmpty();
    }
}
