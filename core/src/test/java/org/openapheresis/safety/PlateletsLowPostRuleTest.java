package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlateletsLowPostRuleTest {

    final PlateletsLowPostRule rule = new PlateletsLowPostRule();

    @Test
    void warns_below_50() {
        var w = rule.check(Facts.with(Facts.quiet(), "platelets", 42)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.PLATELETS_LOW_POST);
        assertThat(w.message()).contains("42 x10^9/L");
    }

    @Test
    void is_silent_at_50() {
        assertThat(rule.check(Facts.with(Facts.quiet(), "platelets", 50))).isEmpty();
    }
}
