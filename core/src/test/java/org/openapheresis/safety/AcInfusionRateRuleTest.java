package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcInfusionRateRuleTest {

    final AcInfusionRateRule rule = new AcInfusionRateRule();

    @Test
    void warns_above_1_2_ml_per_min_per_litre_and_gives_the_highest_safe_inlet_flow() {
        // worked case 10 (docs/reference-cases.md): TBV 5.319 L, ratio 12, all AC to the patient: max inlet 76.6 mL/min
        SafetyFacts f = new SafetyFacts(80, 5319, java.util.OptionalDouble.of(250), java.util.OptionalDouble.of(90),
                java.util.OptionalDouble.of(12), java.util.OptionalDouble.of(7.5), java.util.OptionalDouble.of(1),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), 1, "", true);
        var w = rule.check(f).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.AC_INFUSION_RATE_HIGH);
        assertThat(w.message()).contains("1.41 mL/min per L", "76 mL/min");
    }

    @Test
    void is_silent_within_the_limit() {
        assertThat(rule.check(Facts.quiet())).isEmpty();
        assertThat(rule.check(Facts.with(Facts.quiet(), "acToPatient", 6.0))).isEmpty();
    }
}
