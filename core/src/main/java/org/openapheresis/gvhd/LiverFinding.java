package org.openapheresis.gvhd;

import static org.openapheresis.gvhd.Magic2016.LIVER_STAGE_1_MIN_MG_PER_DL;
import static org.openapheresis.gvhd.Magic2016.LIVER_STAGE_2_ABOVE_MG_PER_DL;
import static org.openapheresis.gvhd.Magic2016.LIVER_STAGE_3_ABOVE_MG_PER_DL;
import static org.openapheresis.gvhd.Magic2016.LIVER_STAGE_4_ABOVE_MG_PER_DL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openapheresis.system.Range;

/**
 * Liver at a follow-up visit: total serum bilirubin in mg/dL, the unit of the MAGIC table. A value reported in
 * µmol/L enters through {@link #ofTotalBilirubinMicromolPerL}, the one place where it is converted. MAGIC does
 * not downgrade the liver stage for other causes of hyperbilirubinaemia (NCI PDQ Table 4, note b: "There is no
 * modification of liver staging for other causes of hyperbilirubinemia").
 *
 * @param totalBilirubinMgPerDl total bilirubin, 0 to {@value #MAX_TOTAL_BILIRUBIN_MG_PER_DL} mg/dL
 */
public record LiverFinding(double totalBilirubinMgPerDl) {

    /**
     * µmol/L of bilirubin per mg/dL: 10 dL/L ÷ 584.66 g/mol (the molar mass of bilirubin, C33H36N4O6) = 17.104,
     * conventionally rounded to 17.1. The molar mass and the factor 17.10 as read on a unit-conversion page
     * (health3.app, "1 mg/dL bilirubin to µmol/L": "the reference molecular weight is 584.66 g/mol", "17.10
     * µmol/L per mg/dL"); the rounding to 17.1 changes a converted value by 0.02 %.
     */
    public static final double BILIRUBIN_MICROMOL_PER_L_PER_MG_PER_DL = 17.1;

    /**
     * The highest total bilirubin accepted, mg/dL: a plausibility bound of the project, not a published limit.
     * The highest level found reported is 78.5 mg/dL (Hosiriluck N et al., case report of sickle cell intrahepatic
     * cholestasis, read on paperzz.com, journal not shown: "a total bilirubin of 78.5 mg/dL"; the same report:
     * in severe cases "bilirubin levels are usually &gt;30 mg/dL and in some cases &gt;80 mg/dL"). 150 mg/dL is
     * almost twice that, so no real result is refused, while a µmol/L result above 150 typed into the mg/dL field
     * (a bilirubin above 8.8 mg/dL) is refused rather than staged as 4.
     */
    public static final double MAX_TOTAL_BILIRUBIN_MG_PER_DL = 150;

    /** Accepted total bilirubin, mg/dL. */
    public static final Range TOTAL_BILIRUBIN_MG_PER_DL = Range.of(0, MAX_TOTAL_BILIRUBIN_MG_PER_DL);

    /** Accepted total bilirubin, µmol/L: the same bound, 0 to 2565 µmol/L. */
    public static final Range TOTAL_BILIRUBIN_MICROMOL_PER_L =
            Range.of(0, MAX_TOTAL_BILIRUBIN_MG_PER_DL * BILIRUBIN_MICROMOL_PER_L_PER_MG_PER_DL);

    public LiverFinding {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        problems.check("liver.totalBilirubinMgPerDl", TOTAL_BILIRUBIN_MG_PER_DL, totalBilirubinMgPerDl);
        problems.throwIfAny("the liver findings have invalid values");
    }

    /**
     * A total bilirubin reported in µmol/L, converted to mg/dL with {@value #BILIRUBIN_MICROMOL_PER_L_PER_MG_PER_DL}
     * µmol/L per mg/dL and rounded to 0.01 mg/dL (finer than the 1 µmol/L, 0.06 mg/dL, to which µmol/L results
     * are reported; the rounding also removes the binary remainder of the division, so 51.3 µmol/L is exactly
     * 3.00 mg/dL, liver stage 1).
     *
     * @throws org.openapheresis.system.InvalidInputException naming {@code liver.totalBilirubinMicromolPerL}
     */
    public static LiverFinding ofTotalBilirubinMicromolPerL(double totalBilirubinMicromolPerL) {
        TOTAL_BILIRUBIN_MICROMOL_PER_L.require("liver.totalBilirubinMicromolPerL", totalBilirubinMicromolPerL);
        double mgPerDl = BigDecimal.valueOf(totalBilirubinMicromolPerL)
                .divide(BigDecimal.valueOf(BILIRUBIN_MICROMOL_PER_L_PER_MG_PER_DL), 2, RoundingMode.HALF_UP).doubleValue();
        return new LiverFinding(mgPerDl);
    }

    /** @return the MAGIC liver stage and the row that gave it */
    public OrganStage stage() {
        String bilirubin = "total bilirubin " + Magic2016.oneDecimalAtLeast(totalBilirubinMgPerDl) + " mg/dL";
        if (totalBilirubinMgPerDl < LIVER_STAGE_1_MIN_MG_PER_DL) {
            return OrganStage.of(Organ.LIVER, 0, bilirubin + " is below 2 mg/dL");
        }
        if (totalBilirubinMgPerDl <= LIVER_STAGE_2_ABOVE_MG_PER_DL) {
            return OrganStage.of(Organ.LIVER, 1, bilirubin + " is 2–3 mg/dL");
        }
        if (totalBilirubinMgPerDl <= LIVER_STAGE_3_ABOVE_MG_PER_DL) {
            return OrganStage.of(Organ.LIVER, 2, bilirubin + " is 3.1–6 mg/dL");
        }
        if (totalBilirubinMgPerDl <= LIVER_STAGE_4_ABOVE_MG_PER_DL) {
            return OrganStage.of(Organ.LIVER, 3, bilirubin + " is 6.1–15 mg/dL");
        }
        return OrganStage.of(Organ.LIVER, 4, bilirubin + " is above 15 mg/dL");
    }
}
