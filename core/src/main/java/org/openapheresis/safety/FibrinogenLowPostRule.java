package org.openapheresis.safety;

import java.util.Optional;

/**
 * FIBRINOGEN_LOW_POST: predicted fibrinogen below 1.0 g/L at the end. Plasma is often added when fibrinogen
 * is below 100 mg/dL; 80-100 mg/dL without plasma did not increase bleeding unless the patient was
 * anticoagulated (prospective UT Southwestern/UCSD study, 275 patients, 1406 exchanges, read as an abstract;
 * worked case 8, docs/reference-cases.md).
 */
public final class FibrinogenLowPostRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "plasma is often added below 100 mg/dL; 80-100 mg/dL without plasma did not increase bleeding "
            + "unless anticoagulated (prospective UT Southwestern/UCSD study, 275 patients, 1406 exchanges, "
            + "abstract)";

    /** Threshold, g/L. */
    public static final double THRESHOLD_G_PER_L = 1.0;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.FIBRINOGEN_LOW_POST;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.fibrinogenPostGPerL().isEmpty() || f.fibrinogenPostGPerL().getAsDouble() >= THRESHOLD_G_PER_L) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "Fibrinogen is predicted to fall to "
                + String.format(java.util.Locale.ROOT, "%.2f", f.fibrinogenPostGPerL().getAsDouble())
                + " g/L, below 1.0 g/L. Consider donor plasma for part of the replacement (at least the last"
                + " litre), especially if the patient is anticoagulated or bleeding; check fibrinogen before the"
                + " next exchange."));
    }
}
