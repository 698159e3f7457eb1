package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

class ProblemValueTest {

    @Test
    void a_problem_about_a_value_carries_it_and_a_missing_field_carries_none() {
        assertThat(Problem.of("patient.hematocritPercent", MessageKey.OUT_OF_RANGE, 420.0, 10.0, 70.0).value())
                .contains(420.0);
        assertThat(Problem.of("patient.weightKg", MessageKey.WRONG_TYPE, "a number", "text \"80\"").value())
                .contains("text \"80\"");
        assertThat(Problem.of("patient.sex", MessageKey.REQUIRED).value()).isEmpty();
        assertThat(Problem.of("patient.bloodVolumeMl", MessageKey.BLOOD_VOLUME_IMPLAUSIBLE, 175L, 35.0, 150.0).value())
                .as("a derived mL/kg is not the field's value").isEmpty();
    }
}
