package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IggLowPostRuleTest {

    final OutcomeRule rule = new IggLowPostRule();

    @Test
    void an_igg_of_097_is_a_warning_of_profound_hypogammaglobulinaemia() {
        Warning w = rule.check(Outcomes.exchange(1.0, 0.97)).orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).contains("0.97 g/L").contains("1.5 g/L");
        assertThat(w.source()).contains("EMA").contains("AAAAI").contains("UNVERIFIED");
    }

    @Test
    void below_4_it_informs_and_at_4_it_is_silent() {
        assertThat(rule.check(Outcomes.exchange(1.0, 3.2)).orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(rule.check(Outcomes.exchange(1.0, 1.5)).orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(rule.check(Outcomes.exchange(1.0, 4.0))).isEmpty();
    }
}
