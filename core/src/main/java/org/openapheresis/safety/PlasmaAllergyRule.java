package org.openapheresis.safety;

import java.util.Locale;
import java.util.Optional;

/**
 * PLASMA_ALLERGY: a recorded allergy to plasma (or the record's plasma-allergy fact) when the replacement
 * contains plasma. Allergic and urticarial reactions are among the common adverse events of apheresis (WAA
 * registry, Stegmayr B et al., Transfus Apher Sci 2008;39:247).
 */
public final class PlasmaAllergyRule implements CandidacyRule {

    /** The publication behind the rule. */
    public static final String SOURCE = "patient record; allergic reactions: WAA registry (Stegmayr B et al., "
            + "Transfus Apher Sci 2008;39:247)";

    @Override
    public WarningCode code() {
        return WarningCode.PLASMA_ALLERGY;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (!f.usesPlasma()) {
            return Optional.empty();
        }
        boolean recorded = f.history().plasmaAllergy() || f.history().allergies().stream()
                .map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.contains("plasma") || a.contains("ffp"));
        if (!recorded) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.DANGER, "The replacement contains plasma and the patient has a "
                + "recorded allergic reaction to plasma."));
    }
}
