package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargeVolumeLeukapheresisRuleTest {

    final OutcomeRule rule = new LargeVolumeLeukapheresisRule();

    @Test
    void an_hpc_run_of_406_minutes_over_four_blood_volumes_is_flagged_as_large_volume() {
        Warning w = rule.check(Outcomes.cellRun(406, 4.2)).orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.INFO);
        assertThat(w.message()).contains("4.2 blood volumes").contains("406 min").contains("calcium");
        assertThat(w.source()).contains("Sumii");
    }

    @Test
    void is_silent_at_three_blood_volumes_and_for_a_plasma_exchange() {
        assertThat(rule.check(Outcomes.cellRun(200, 3.0))).isEmpty();
        assertThat(rule.check(Outcomes.exchange(1.0, 5))).isEmpty();
    }
}
