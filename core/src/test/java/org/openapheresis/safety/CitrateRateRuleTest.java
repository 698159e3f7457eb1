package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitrateRateRuleTest {

    final CitrateRateRule rule = new CitrateRateRule();

    @Test
    void warns_above_1_08_mg_per_kg_per_min_with_a_lower_inlet_flow_and_calcium_prophylaxis() {
        // worked case 11 (docs/reference-cases.md): 70 kg, AC 5 mL/min of 21.3 mg/mL all returned = 1.52 mg/kg/min
        var w = rule.check(Facts.with(Facts.quiet(), "citrate", 1.52)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.CITRATE_RATE_HIGH);
        assertThat(w.message()).contains("1.52 mg/kg/min", "42 mL/min", "calcium gluconate");
    }

    @Test
    void is_silent_at_the_threshold() {
        assertThat(rule.check(Facts.with(Facts.quiet(), "citrate", 65.0 / 60.0))).isEmpty();
    }
}
