package org.openapheresis.server.candidacy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.procedure.ProcedureType;

/**
 * A low haematocrit for the planned procedure: below 25% for a plasma exchange, below 30% for a cell
 * collection (the circuit holds red cells and the interface is harder to keep). Thresholds UNVERIFIED.
 */
public final class LowHematocritCheck implements CandidacyCheck {

    public static final String CODE = "HEMATOCRIT_LOW_PRE";
    /** Plasma exchange threshold, percent (UNVERIFIED). */
    public static final double PLASMA_EXCHANGE_MIN_PERCENT = 25;
    /** Cell collection threshold, percent (UNVERIFIED). */
    public static final double CELL_COLLECTION_MIN_PERCENT = 30;

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<CheckWarning> check(CandidacyFacts f) {
        OptionalDouble hct = f.lab("hematocritPercent");
        if (hct.isEmpty() || f.type() == ProcedureType.IVIG_INFUSION) {
            return Optional.empty();
        }
        double min = f.type() == ProcedureType.PLASMA_EXCHANGE ? PLASMA_EXCHANGE_MIN_PERCENT
                : CELL_COLLECTION_MIN_PERCENT;
        if (hct.getAsDouble() >= min) {
            return Optional.empty();
        }
        return Optional.of(new CheckWarning(CODE, "caution", "latest haematocrit " + LowPlateletsCheck.fmt(
                hct.getAsDouble()) + " % is below " + LowPlateletsCheck.fmt(min) + " % for " + f.type().code()
                + "; consider a red-cell prime or transfusion", "UNVERIFIED: thresholds are unit practice, not "
                + "from a checked source; the AABB 2024 practice survey reports a red-cell threshold as haemoglobin "
                + "(7 g/dL most often), not as a haematocrit"));
    }
}
