package org.openapheresis.safety;

import java.util.Optional;

/**
 * PLASMA_REPLACEMENT_REACTION_RISK: donor plasma in the replacement. Plasma has a higher reaction risk than
 * albumin (derangedphysiology; outcome in GBS does not depend on the choice) and brings citrate of its own.
 */
public final class PlasmaReplacementReactionRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "plasma carries a higher reaction risk than albumin and brings citrate of its own (WAA registry: "
            + "Stegmayr B et al., Transfus Apher Sci 2008;39:247)";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.PLASMA_REPLACEMENT_REACTION_RISK;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.plasmaReplacementPercent().isEmpty() || f.plasmaReplacementPercent().getAsDouble() <= 0) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.INFO, "Donor plasma is "
                + SafetyRules.num(f.plasmaReplacementPercent().getAsDouble()) + "% of the replacement: allergic and"
                + " febrile reactions are more common than with albumin, and plasma adds citrate. Check ABO"
                + " compatibility, have antihistamines ready and watch for urticaria and hypocalcaemia."));
    }
}
