package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtracorporealVolumeRuleTest {

    final ExtracorporealVolumeRule rule = new ExtracorporealVolumeRule();

    @Test
    void warns_when_the_circuit_holds_more_than_15_percent_of_blood_volume() {
        // term neonate 3.5 kg x 85 mL/kg = 297.5 mL; 15% = 44.6 mL (worked case 17, docs/reference-cases.md)
        var w = rule.check(Facts.with(Facts.with(Facts.quiet(), "bloodVolumeMl", 297.5), "ecv", 185)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.EXTRACORPOREAL_VOLUME_HIGH);
        assertThat(w.severity()).isEqualTo(Severity.DANGER);
        assertThat(w.message()).contains("185 mL", "62.2%", "44.6 mL", "Prime the circuit");
    }

    @Test
    void is_silent_at_exactly_15_percent() {
        assertThat(rule.check(Facts.with(Facts.with(Facts.quiet(), "bloodVolumeMl", 1000), "ecv", 150))).isEmpty();
        assertThat(rule.check(Facts.quiet())).isEmpty();
    }
}
