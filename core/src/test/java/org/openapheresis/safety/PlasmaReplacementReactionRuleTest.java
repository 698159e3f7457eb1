package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlasmaReplacementReactionRuleTest {

    final PlasmaReplacementReactionRule rule = new PlasmaReplacementReactionRule();

    @Test
    void informs_when_donor_plasma_is_in_the_replacement() {
        var w = rule.check(Facts.with(Facts.quiet(), "plasmaPercent", 100)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.PLASMA_REPLACEMENT_REACTION_RISK);
        assertThat(w.severity()).isEqualTo(Severity.INFO);
        assertThat(w.message()).contains("100%", "citrate");
    }

    @Test
    void is_silent_with_albumin_only() {
        assertThat(rule.check(Facts.quiet())).isEmpty();
    }
}
