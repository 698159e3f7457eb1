package org.openapheresis.safety;

import java.util.Optional;

/**
 * RUN_TIME_LONG: the planned separation time is longer than 480 min, the longest run time the Spectra Optia
 * operator's manual lets a WBC depletion procedure be configured to (Table 4-13: run target 40 to 480 min). The
 * same limit for the device's other procedures (MNC and CMNC collections, plasma exchange) was not read:
 * UNVERIFIED, used for them too.
 */
public final class RunTimeLongRule implements OutcomeRule {

    /** The publication behind the limit. */
    public static final String SOURCE = "Terumo BCT Spectra Optia Apheresis System Operator's Manual, Table 4-13 "
            + "(WBCD run target: run time 40 to 480 min); the same limit for other procedures UNVERIFIED";
    /** The longest run, min. */
    public static final double MAX_RUN_MIN = 480;

    @Override
    public WarningCode code() {
        return WarningCode.RUN_TIME_LONG;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(PlanOutcome o) {
        if (!o.onSeparator() || o.durationMin() <= MAX_RUN_MIN) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "The planned run takes " + SafetyRules.num(o.durationMin())
                + " min, beyond the 480 min a separator run can be set to. Split the volume over two sessions or raise "
                + "the inlet flow within the AC limit."));
    }
}
