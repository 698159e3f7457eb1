package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;

/** Every rule on a plan's predicted outcome, in the order their warnings follow the session rules' in a plan. */
public final class OutcomeRules {

    private static final List<OutcomeRule> ALL = List.of(new IonizedCalciumNadirLowRule(), new IggLowPostRule(),
            new RunTimeLongRule(), new LargeVolumeLeukapheresisRule());

    private OutcomeRules() {
    }

    /** @return every outcome rule */
    public static List<OutcomeRule> all() {
        return ALL;
    }

    /** Runs every rule. */
    public static List<Warning> check(PlanOutcome outcome) {
        List<Warning> out = new ArrayList<>();
        for (OutcomeRule rule : ALL) {
            rule.check(outcome).ifPresent(out::add);
        }
        return out;
    }
}
