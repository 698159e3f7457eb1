package org.openapheresis.safety;

import java.util.Optional;

/** PLATELETS_LOW_POST: predicted platelets below 50 x10^9/L at the end of the procedure. */
public final class PlateletsLowPostRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "UNVERIFIED as a post-procedure threshold: 50 x10^9/L, the pre-procedure threshold most often "
            + "chosen in the AABB Therapeutic Apheresis Subsection survey (Cone Sullivan J, AABB 2024 poster)";

    /** Threshold, 10^9/L. */
    public static final double THRESHOLD_E9_PER_L = 50;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.PLATELETS_LOW_POST;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.plateletsPostE9PerL().isEmpty() || f.plateletsPostE9PerL().getAsDouble() >= THRESHOLD_E9_PER_L) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "Platelets are predicted to fall to "
                + SafetyRules.num(f.plateletsPostE9PerL().getAsDouble()) + " x10^9/L, below 50. Check the count"
                + " before and after, consider a smaller volume or a platelet transfusion, and take care with"
                + " line removal and anticoagulants."));
    }
}
