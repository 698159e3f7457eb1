package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;

/** Every session rule, in the order their warnings appear in a plan. */
public final class SafetyRules {

    private static final List<SafetyRule> ALL = List.of(
            new ExtracorporealVolumeRule(),
            new AcInfusionRateRule(),
            new CitrateRateRule(),
            new FibrinogenLowPostRule(),
            new PlateletsLowPostRule(),
            new ExchangeBelowOnePlasmaVolumeRule(),
            new TargetNotReachableRule(),
            new PlasmaReplacementReactionRule(),
            new DliGvhdRiskRule());

    private SafetyRules() {
    }

    /** @return every session rule */
    public static List<SafetyRule> all() {
        return ALL;
    }

    /** Runs every rule. */
    public static List<Warning> check(SafetyFacts facts) {
        List<Warning> out = new ArrayList<>();
        for (SafetyRule rule : ALL) {
            rule.check(facts).ifPresent(out::add);
        }
        return out;
    }

    /** Formats a number for a message: whole numbers without decimals, others with one. */
    static String num(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? Long.toString(Math.round(v))
                : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
