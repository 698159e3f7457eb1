package org.openapheresis.safety;

import java.util.Optional;

/**
 * TARGET_NOT_REACHABLE_IN_ONE_SESSION: the target needs more than one session can safely process; the plan
 * covers one session at the maximum.
 */
public final class TargetNotReachableRule implements SafetyRule {

    @Override
    public WarningCode code() {
        return WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.targetSessionsNeeded() <= 1) {
            return Optional.empty();
        }
        return Optional.of(new Warning(code(), Severity.WARNING, "The target (" + f.targetDescription()
                + ") cannot be reached in one session: plan " + f.targetSessionsNeeded() + " sessions. This plan"
                + " covers the first session at the largest volume one session may process."));
    }
}
