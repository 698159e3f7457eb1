package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetNotReachableRuleTest {

    final TargetNotReachableRule rule = new TargetNotReachableRule();

    @Test
    void warns_when_a_target_needs_more_than_one_session() {
        var w = rule.check(Facts.with(Facts.quiet(), "sessions", 2)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION);
        assertThat(w.message()).contains("5e6 CD34+/kg", "plan 2 sessions");
    }

    @Test
    void is_silent_for_one_session() {
        assertThat(rule.check(Facts.quiet())).isEmpty();
    }
}
