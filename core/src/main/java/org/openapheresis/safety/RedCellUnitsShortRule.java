package org.openapheresis.safety;

import java.util.Optional;

/**
 * RED_CELL_EXCHANGE_UNITS_SHORT: the blood bank has fewer donor units ready than the plan needs. Spectra Optia
 * recalculates the target fraction of cells remaining when the operator enters the replacement volume actually
 * received (Terumo BCT Access Point, "Did you know: FCR and HbS", 2025); the warning does the same and says which
 * HbS the available units reach.
 */
public final class RedCellUnitsShortRule implements RedCellExchangeRule {

    /** The publication behind the rule. */
    public static final String SOURCE = "target FCR recalculated from the replacement volume received: Terumo BCT "
            + "Access Point 2025, Did you know: FCR and HbS%";

    @Override
    public WarningCode code() {
        return WarningCode.RED_CELL_EXCHANGE_UNITS_SHORT;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(RedCellExchangeFacts f) {
        if (f.redCellUnitsAvailable().isEmpty() || f.redCellUnitsAvailable().getAsInt() >= f.redCellUnitsNeeded()) {
            return Optional.empty();
        }
        int available = f.redCellUnitsAvailable().getAsInt();
        String reach = f.hbsWithAvailableUnitsPercent().isPresent()
                ? "; with them the exchange reaches HbS " + SafetyRules.num(f.hbsWithAvailableUnitsPercent().getAsDouble())
                        + " % instead of " + SafetyRules.num(f.postHbsPercent()) + " %"
                : "; they do not even reach the target haematocrit of " + SafetyRules.num(f.postHematocritPercent()) + " %";
        return Optional.of(warning(Severity.WARNING, f.redCellUnitsNeeded() + " red cell units are needed and "
                + available + " are available" + reach + ". Order more units or change the target before starting."));
    }
}
