package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class IonizedCalciumNadirLowRuleTest {

    final OutcomeRule rule = new IonizedCalciumNadirLowRule();

    @Test
    void a_nadir_of_079_is_a_danger_at_the_laboratory_critical_limit() {
        Warning w = rule.check(Outcomes.exchange(0.79, 5)).orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.DANGER);
        assertThat(w.message()).contains("0.79 mmol/L").contains("0.82");
        assertThat(w.source()).contains("Steele").contains("Kost");
    }

    @Test
    void a_nadir_between_082_and_09_is_a_warning_and_09_is_silent() {
        assertThat(rule.check(Outcomes.exchange(0.85, 5)).orElseThrow().severity()).isEqualTo(Severity.WARNING);
        assertThat(rule.check(Outcomes.exchange(0.82, 5)).orElseThrow().severity()).isEqualTo(Severity.DANGER);
        assertThat(rule.check(Outcomes.exchange(0.90, 5))).isEmpty();
        assertThat(rule.check(Outcomes.exchange(1.05, 5))).as("below normal, expected in citrate procedures")
                .isEmpty();
    }

    @Test
    void is_silent_without_a_predicted_nadir() {
        assertThat(rule.check(new PlanOutcome("x", true, false, 60, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty()))).isEmpty();
    }
}
