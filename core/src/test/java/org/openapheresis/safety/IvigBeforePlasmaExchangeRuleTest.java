package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IvigBeforePlasmaExchangeRuleTest {

    final IvigBeforePlasmaExchangeRule rule = new IvigBeforePlasmaExchangeRule();

    @Test
    void warns_for_each_exchange_after_ivig() {
        var warnings = rule.check(List.of(
                new IvigBeforePlasmaExchangeRule.Step(0, true, false, 0),
                new IvigBeforePlasmaExchangeRule.Step(1, false, true, 48),
                new IvigBeforePlasmaExchangeRule.Step(2, false, true, 96)));
        assertThat(warnings).hasSize(2).allMatch(w -> w.code() == WarningCode.IVIG_BEFORE_PLASMA_EXCHANGE);
        assertThat(warnings.get(0).message()).contains("Step 2", "hour 48", "step 1");
    }

    @Test
    void is_silent_when_ivig_follows_the_exchanges() {
        assertThat(rule.check(List.of(
                new IvigBeforePlasmaExchangeRule.Step(0, false, true, 0),
                new IvigBeforePlasmaExchangeRule.Step(1, false, true, 48),
                new IvigBeforePlasmaExchangeRule.Step(2, true, false, 96)))).isEmpty();
    }
}
