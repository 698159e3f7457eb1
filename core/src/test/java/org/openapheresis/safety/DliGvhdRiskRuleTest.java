package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DliGvhdRiskRuleTest {

    private static SafetyFacts withFirstDose(OptionalDouble dose) {
        return new SafetyFacts(70, 5000, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "", true, dose);
    }

    private final DliGvhdRiskRule rule = new DliGvhdRiskRule();

    @Test
    void stays_silent_without_a_planned_dli_dose() {
        assertThat(rule.check(withFirstDose(OptionalDouble.empty()))).isEmpty();
        assertThat(rule.check(new SafetyFacts(70, 5000, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "",
                true))).isEmpty();
    }

    @Test
    void gives_the_bar_2013_rate_of_each_initial_dose_band() {
        assertThat(rule.check(withFirstDose(OptionalDouble.of(1e7)))).hasValueSatisfying(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.DLI_GVHD_RISK);
            assertThat(w.severity()).isEqualTo(Severity.INFO);
            assertThat(w.message()).contains("21% of patients");
        });
        assertThat(rule.check(withFirstDose(OptionalDouble.of(5e7)))).hasValueSatisfying(w -> {
            assertThat(w.severity()).isEqualTo(Severity.INFO);
            assertThat(w.message()).contains("45% of patients");
        });
        assertThat(rule.check(withFirstDose(OptionalDouble.of(1e8)))).hasValueSatisfying(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.message()).contains("55% of patients").contains("below 1e8/kg");
        });
    }
}
