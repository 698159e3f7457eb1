package org.openapheresis.server.candidacy;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Platelets below 50 x10^9/L before a procedure: apheresis removes platelets (about 1% in an Optia exchange,
 * more in cell collections), and a low count raises bleeding risk at the access. The threshold is the core's
 * {@code PLATELETS_LOW_POST} threshold applied before the procedure. As a pre-procedure limit it is unit practice:
 * a survey of the AABB Therapeutic Apheresis Subsection (Cone Sullivan J, AABB Annual Meeting 2024 poster; 51 of
 * 459 members answered) found 50K/uL "the most or equally-most frequently selected platelet threshold ... except
 * in therapeutic plasma exchange (TPE) for thrombotic thrombocytopenic purpura (TTP) or peripheral blood
 * stem/mononuclear cell collection". A survey of practice, not a guideline; see docs/sources.md.
 */
public final class LowPlateletsCheck implements CandidacyCheck {

    public static final String CODE = "PLATELETS_LOW_PRE";
    public static final String SOURCE = "practice survey, not a guideline: AABB Therapeutic Apheresis Subsection "
            + "survey (Cone Sullivan J, AABB Annual Meeting 2024 poster), 50K/uL the most often chosen platelet "
            + "threshold except TPE for TTP and peripheral blood stem/mononuclear cell collection";
    /** Threshold, 10^9/L (the most often chosen pre-procedure threshold in the AABB 2024 practice survey). */
    public static final double THRESHOLD_E9_PER_L = org.openapheresis.safety.PlateletsLowPostRule.THRESHOLD_E9_PER_L;

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<CheckWarning> check(CandidacyFacts f) {
        OptionalDouble plt = f.lab("plateletsE9PerL");
        if (plt.isEmpty() || plt.getAsDouble() >= THRESHOLD_E9_PER_L) {
            return Optional.empty();
        }
        return Optional.of(new CheckWarning(CODE, "caution", "latest platelets " + fmt(plt.getAsDouble())
                + " x10^9/L are below " + fmt(THRESHOLD_E9_PER_L) + " x10^9/L before the procedure",
                SOURCE));
    }

    static String fmt(double v) {
        return org.openapheresis.system.Problem.render(v);
    }
}
