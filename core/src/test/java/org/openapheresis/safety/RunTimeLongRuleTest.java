package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunTimeLongRuleTest {

    final OutcomeRule rule = new RunTimeLongRule();

    @Test
    void a_run_longer_than_480_minutes_warns_with_its_length() {
        Warning w = rule.check(Outcomes.cellRun(520, 4.5)).orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).contains("520 min").contains("480 min");
        assertThat(w.source()).contains("Spectra Optia").contains("UNVERIFIED");
    }

    @Test
    void is_silent_at_480_minutes_and_for_an_infusion() {
        assertThat(rule.check(Outcomes.cellRun(480, 4))).isEmpty();
        assertThat(rule.check(Outcomes.infusion(600))).isEmpty();
    }
}
