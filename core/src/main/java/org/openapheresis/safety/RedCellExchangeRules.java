package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;

/** Every rule of a red cell exchange, in the order their warnings follow the session rules' in a plan. */
public final class RedCellExchangeRules {

    private static final List<RedCellExchangeRule> ALL = List.of(new RedCellHyperviscosityRule(),
            new RedCellIronLoadingRule(), new RedCellUnitsShortRule());

    private RedCellExchangeRules() {
    }

    /** @return every red cell exchange rule */
    public static List<RedCellExchangeRule> all() {
        return ALL;
    }

    /** Runs every rule. */
    public static List<Warning> check(RedCellExchangeFacts facts) {
        List<Warning> out = new ArrayList<>();
        for (RedCellExchangeRule rule : ALL) {
            rule.check(facts).ifPresent(out::add);
        }
        return out;
    }
}
