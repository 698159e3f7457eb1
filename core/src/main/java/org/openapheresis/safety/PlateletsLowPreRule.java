package org.openapheresis.safety;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * PLATELETS_LOW_PRE: platelets below 50 x10^9/L before a procedure. Apheresis removes platelets (about 1% in an
 * Optia exchange, more in cell collections), and a low count raises bleeding risk at the access. As a
 * pre-procedure limit this is unit practice: a survey of the AABB Therapeutic Apheresis Subsection (Cone Sullivan
 * J, AABB Annual Meeting 2024 poster; 51 of 459 members answered) found 50K/uL "the most or equally-most
 * frequently selected platelet threshold ... except in therapeutic plasma exchange (TPE) for thrombotic
 * thrombocytopenic purpura (TTP) or peripheral blood stem/mononuclear cell collection". A survey of practice,
 * not a guideline; see docs/sources.md.
 */
public final class PlateletsLowPreRule implements CandidacyRule {

    /** The publication behind the rule. */
    public static final String SOURCE = "practice survey, not a guideline: AABB Therapeutic Apheresis Subsection "
            + "survey (Cone Sullivan J, AABB Annual Meeting 2024 poster), 50K/uL the most often chosen platelet "
            + "threshold except TPE for TTP and peripheral blood stem/mononuclear cell collection";
    /** Threshold, 10^9/L (the most often chosen pre-procedure threshold in the AABB 2024 practice survey). */
    public static final double THRESHOLD_E9_PER_L = PlateletsLowPostRule.THRESHOLD_E9_PER_L;

    @Override
    public WarningCode code() {
        return WarningCode.PLATELETS_LOW_PRE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        OptionalDouble plt = f.plateletsE9PerL();
        if (plt.isEmpty() || plt.getAsDouble() >= THRESHOLD_E9_PER_L) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "Latest platelets " + SafetyRules.num(plt.getAsDouble())
                + " x10^9/L are below " + SafetyRules.num(THRESHOLD_E9_PER_L) + " x10^9/L before the procedure."));
    }
}
