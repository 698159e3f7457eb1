package org.openapheresis.safety;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The numbers of one planned red cell exchange that its own rules read ({@link RedCellExchangeRules}).
 *
 * @param preHematocritPercent haematocrit before, percent
 * @param postHematocritPercent predicted haematocrit at the end, percent
 * @param preHbsPercent HbS before, percent of total haemoglobin
 * @param postHbsPercent predicted HbS at the end, percent
 * @param netRedCellsGainedMl donor red cells infused minus the patient's red cells removed, mL of red cells
 * @param redCellUnitsNeeded donor units the plan needs
 * @param redCellUnitsAvailable donor units the blood bank has ready, if entered
 * @param hbsWithAvailableUnitsPercent HbS reached at the target haematocrit with only the available units, if
 *     they are fewer than needed and can reach that haematocrit at all
 */
public record RedCellExchangeFacts(double preHematocritPercent, double postHematocritPercent, double preHbsPercent,
        double postHbsPercent, double netRedCellsGainedMl, int redCellUnitsNeeded, OptionalInt redCellUnitsAvailable,
        OptionalDouble hbsWithAvailableUnitsPercent) {

    public RedCellExchangeFacts {
        Objects.requireNonNull(redCellUnitsAvailable, "redCellUnitsAvailable");
        Objects.requireNonNull(hbsWithAvailableUnitsPercent, "hbsWithAvailableUnitsPercent");
    }
}
