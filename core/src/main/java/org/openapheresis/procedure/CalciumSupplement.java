package org.openapheresis.procedure;

import org.openapheresis.system.Range;

/**
 * Calcium given during a procedure, as elemental calcium: added to the albumin return fluid of a plasma exchange
 * (10 mL of 10% calcium gluconate per litre is 2.32 mmol/L) and as a separate infusion (1 g/h of calcium gluconate
 * is 2.32 mmol/h). The ionised calcium prediction includes it. Absent from a request: none given.
 *
 * @param inReplacementMmolPerL calcium added to each litre of albumin return fluid, mmol/L (plasma exchange only)
 * @param infusionMmolPerHour calcium infused separately, mmol/h
 */
public record CalciumSupplement(double inReplacementMmolPerL, double infusionMmolPerHour) {

    /**
     * Calcium per litre of albumin the reader accepts, mmol/L: up to 5 (published protocols give 2.32 and 4.64,
     * Prinja, Transfus Apher Sci 2024;64:104039).
     */
    public static final Range IN_REPLACEMENT_MMOL_PER_L = Range.of(0, 5);
    /**
     * Calcium infusion rates the reader accepts, mmol/h: up to 15 (published apheresis infusions: 1.8 mmol/h,
     * Buchta, Transfusion 2003; 2.3-3.7 mmol/h, Zhao, J Clin Apher 2019).
     */
    public static final Range INFUSION_MMOL_PER_HOUR = Range.of(0, 15);

    private static final CalciumSupplement NONE = new CalciumSupplement(0, 0);

    public CalciumSupplement {
        IN_REPLACEMENT_MMOL_PER_L.require("procedure.calcium.inReplacementMmolPerL", inReplacementMmolPerL);
        INFUSION_MMOL_PER_HOUR.require("procedure.calcium.infusionMmolPerHour", infusionMmolPerHour);
    }

    /** No calcium given. */
    public static CalciumSupplement none() {
        return NONE;
    }

    /** True when some calcium is given. */
    public boolean any() {
        return inReplacementMmolPerL > 0 || infusionMmolPerHour > 0;
    }
}
