package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedCellIronLoadingRuleTest {

    final RedCellExchangeRule rule = new RedCellIronLoadingRule();

    @Test
    void a_rise_of_more_than_2_haematocrit_points_is_not_iron_neutral() {
        Warning w = rule.check(Rcx.to(30)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.RED_CELL_EXCHANGE_IRON_LOADING);
        assertThat(w.message()).contains("3 points").contains("120 mL").contains("not iron-neutral");
        assertThat(w.source()).contains("Ross").contains("10.1111/bjh.19674");
    }

    @Test
    void is_silent_for_a_rise_of_2_points_or_a_fall() {
        assertThat(rule.check(Rcx.to(29))).isEmpty();
        assertThat(rule.check(Rcx.to(25))).isEmpty();
    }
}
