package org.openapheresis.safety;

import java.util.Optional;

/**
 * HEMATOCRIT_LOW_PRE: a low haematocrit for the planned procedure: below 25% for a plasma exchange, below 30%
 * for a cell procedure (the circuit holds red cells and the interface is harder to keep). Thresholds UNVERIFIED.
 */
public final class HematocritLowPreRule implements CandidacyRule {

    /** The source, or its absence. */
    public static final String SOURCE = "UNVERIFIED: thresholds are unit practice, not from a checked source; the "
            + "AABB 2024 practice survey reports a red-cell threshold as haemoglobin (7 g/dL most often), not as a "
            + "haematocrit";
    /** Plasma exchange threshold, percent (UNVERIFIED). */
    public static final double PLASMA_EXCHANGE_MIN_PERCENT = 25;
    /** Cell procedure threshold, percent (UNVERIFIED). */
    public static final double CELL_PROCEDURE_MIN_PERCENT = 30;

    @Override
    public WarningCode code() {
        return WarningCode.HEMATOCRIT_LOW_PRE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (!f.onSeparator()) {
            return Optional.empty();
        }
        double min = f.plasmaExchange() ? PLASMA_EXCHANGE_MIN_PERCENT
                : CELL_PROCEDURE_MIN_PERCENT;
        double hct = f.hematocritPercent();
        if (hct >= min) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "Latest haematocrit " + SafetyRules.num(hct) + " % is below "
                + SafetyRules.num(min) + " % for " + f.procedureName()
                + "; consider a red-cell prime or transfusion."));
    }
}
