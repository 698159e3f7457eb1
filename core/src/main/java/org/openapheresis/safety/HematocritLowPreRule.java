package org.openapheresis.safety;

import java.util.Optional;

/**
 * HEMATOCRIT_LOW_PRE: a low haematocrit for the planned procedure: below 25% for a plasma exchange, below 30%
 * for a cell procedure (the circuit holds red cells and the interface is harder to keep). Thresholds UNVERIFIED.
 *
 * <p>The advice depends on the indication. In hyperleukocytosis (a leukocytapheresis, or a white count above
 * 100 × 10^9/L) red cells given before the white count is lowered raise blood viscosity: three patients with AML
 * and blasts above 100 × 10^9/L died soon after transfusion, two with cerebral leukostasis, and transfusing above
 * haemoglobin 10 g/dL "should be avoided until the blast count has been reduced" (Harris AL, Br Med J
 * 1978;1:1169). Red cell exchange has been reported for severe anaemia (Blood 2023, doi
 * 10.1182/blood.2023021895). Which prime to use instead was not found: UNVERIFIED, so the message recommends none.
 */
public final class HematocritLowPreRule implements CandidacyRule {

    /** The source, or its absence. */
    public static final String SOURCE = "UNVERIFIED: thresholds are unit practice, not from a checked source; the "
            + "AABB 2024 practice survey reports a red-cell threshold as haemoglobin (7 g/dL most often), not as a "
            + "haematocrit. In hyperleukocytosis: Harris AL, Br Med J 1978;1:1169 (avoid transfusing to haemoglobin "
            + "above 10 g/dL before the blast count is reduced); red cell exchange: Blood 2023, doi "
            + "10.1182/blood.2023021895";
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
        String low = "Latest haematocrit " + SafetyRules.num(hct) + " % is below " + SafetyRules.num(min) + " % for "
                + f.procedureName();
        if (f.hyperleukocytosis()) {
            return Optional.of(warning(Severity.WARNING, low + ". In hyperleukocytosis, red cells given before the "
                    + "white count is lowered raise viscosity and may precipitate leukostasis: avoid transfusing to "
                    + "haemoglobin above 10 g/dL until cytoreduction (Harris 1978); transfuse after the procedure where "
                    + "possible. Red cell exchange is reported for severe anaemia."));
        }
        return Optional.of(warning(Severity.WARNING, low + "; consider a red-cell prime or transfusion."));
    }
}
