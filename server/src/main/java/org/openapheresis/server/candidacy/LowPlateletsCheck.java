package org.openapheresis.server.candidacy;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Platelets below 50 x10^9/L before a procedure: apheresis removes platelets (about 1% in an Optia exchange,
 * more in cell collections), and a low count raises bleeding risk at the access. The threshold is the core's
 * {@code PLATELETS_LOW_POST} threshold applied before the procedure; UNVERIFIED as a pre-procedure limit.
 */
public final class LowPlateletsCheck implements CandidacyCheck {

    public static final String CODE = "PLATELETS_LOW_PRE";
    /** Threshold, 10^9/L (UNVERIFIED as a pre-procedure limit). */
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
                "UNVERIFIED: pre-procedure threshold; the value is the core's PLATELETS_LOW_POST threshold"));
    }

    static String fmt(double v) {
        return org.openapheresis.system.Problem.render(v);
    }
}
