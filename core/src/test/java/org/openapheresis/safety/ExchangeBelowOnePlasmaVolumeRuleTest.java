package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeBelowOnePlasmaVolumeRuleTest {

    final ExchangeBelowOnePlasmaVolumeRule rule = new ExchangeBelowOnePlasmaVolumeRule();

    @Test
    void warns_under_one_plasma_volume() {
        var w = rule.check(Facts.with(Facts.quiet(), "plasmaVolumes", 0.69)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.EXCHANGE_BELOW_ONE_PLASMA_VOLUME);
        assertThat(w.message()).contains("0.69 plasma volumes", "1.0-1.5");
    }

    @Test
    void is_silent_at_one_plasma_volume() {
        assertThat(rule.check(Facts.with(Facts.quiet(), "plasmaVolumes", 1.0))).isEmpty();
    }
}
