package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FibrinogenLowPostRuleTest {

    final FibrinogenLowPostRule rule = new FibrinogenLowPostRule();

    @Test
    void warns_below_1_g_per_l_and_suggests_plasma() {
        var w = rule.check(Facts.with(Facts.quiet(), "fibrinogen", 0.87)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.FIBRINOGEN_LOW_POST);
        assertThat(w.message()).contains("0.87 g/L", "plasma");
    }

    @Test
    void is_silent_at_1_g_per_l() {
        assertThat(rule.check(Facts.with(Facts.quiet(), "fibrinogen", 1.0))).isEmpty();
    }
}
