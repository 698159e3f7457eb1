package org.openapheresis.safety;

import java.util.Optional;

/**
 * TARGET_NOT_REACHABLE_IN_ONE_SESSION: the target needs more than one session can safely process; the plan
 * covers one session at the maximum.
 */
public final class TargetNotReachableRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "per-session limits of the planner: 4 blood volumes or 480 min for collections (Spectra Optia "
            + "operator's manual, Table 4-13: 0.5-5 TBV, 40-480 min)";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.targetSessionsNeeded() <= 1) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "The target (" + f.targetDescription()
                + ") cannot be reached in one session: plan " + f.targetSessionsNeeded() + " sessions. This plan"
                + " covers the first session at the largest volume one session may process."));
    }
}
