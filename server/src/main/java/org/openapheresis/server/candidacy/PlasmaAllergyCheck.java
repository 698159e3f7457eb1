package org.openapheresis.server.candidacy;

import java.util.Locale;
import java.util.Optional;

/**
 * A recorded allergy to plasma (or a fact {@code plasmaAllergy}) when the replacement contains plasma. Allergic
 * and urticarial reactions are among the common adverse events of apheresis (WAA registry, physiology.md 10).
 */
public final class PlasmaAllergyCheck implements CandidacyCheck {

    public static final String CODE = "PLASMA_ALLERGY";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<CheckWarning> check(CandidacyFacts f) {
        if (!f.usesPlasma()) {
            return Optional.empty();
        }
        boolean recorded = f.patient().plasmaAllergy() || f.patient().allergies().stream()
                .map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.contains("plasma") || a.contains("ffp"));
        if (!recorded) {
            return Optional.empty();
        }
        return Optional.of(new CheckWarning(CODE, "high", "the replacement contains plasma and the patient has a "
                + "recorded allergic reaction to plasma", "patient record; allergic reactions: WAA registry "
                + "(Stegmayr B et al., Transfus Apher Sci 2008;39:247)"));
    }
}
