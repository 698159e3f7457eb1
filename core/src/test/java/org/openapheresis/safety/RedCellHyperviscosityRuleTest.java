package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedCellHyperviscosityRuleTest {

    final RedCellExchangeRule rule = new RedCellHyperviscosityRule();

    @Test
    void an_end_haematocrit_above_30_percent_warns_with_its_value() {
        Warning w = rule.check(Rcx.to(33)).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.RED_CELL_EXCHANGE_HYPERVISCOSITY);
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).contains("33 %").contains("30 %");
        assertThat(w.source()).contains("Swerdlow").contains("UNVERIFIED");
    }

    @Test
    void is_silent_at_30_percent() {
        assertThat(rule.check(Rcx.to(30))).isEmpty();
    }
}
