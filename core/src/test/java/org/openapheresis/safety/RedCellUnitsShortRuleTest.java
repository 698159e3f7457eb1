package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RedCellUnitsShortRuleTest {

    final RedCellExchangeRule rule = new RedCellUnitsShortRule();

    @Test
    void fewer_units_than_needed_warn_with_the_hbs_they_reach() {
        Warning w = rule.check(Rcx.withUnits(5, OptionalDouble.of(36.9))).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.RED_CELL_EXCHANGE_UNITS_SHORT);
        assertThat(w.message()).contains("7 red cell units are needed and 5 are available").contains("HbS 36.9 %");
        assertThat(w.source()).contains("Terumo BCT");
    }

    @Test
    void units_that_cannot_reach_the_haematocrit_say_so() {
        assertThat(rule.check(Rcx.withUnits(1, OptionalDouble.empty())).orElseThrow().message())
                .contains("do not even reach the target haematocrit");
    }

    @Test
    void is_silent_when_enough_units_are_ready_or_none_were_entered() {
        assertThat(rule.check(Rcx.withUnits(7, OptionalDouble.empty()))).isEmpty();
        assertThat(rule.check(Rcx.to(27))).isEmpty();
    }
}
