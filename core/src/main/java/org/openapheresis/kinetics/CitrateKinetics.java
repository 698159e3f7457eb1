package org.openapheresis.kinetics;

import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.system.Sourced;

/**
 * The published citrate constants: clearance and half-life (Kramer et al., Crit Care Med 2003;31:2450, patients
 * without cirrhosis), so Vd = CL t1/2 / ln 2 = 36.9 L, both scaled linearly with body weight from an assumed 70 kg
 * study subject (UNVERIFIED scaling), and the Bolan 2001 calibration point of the ionised calcium fall. The
 * citrate and calcium mass balance that uses them is {@link CalciumModel}.
 */
public final class CitrateKinetics {

    /** Citrate clearance without cirrhosis, mL/min (Kramer 2003). */
    public static final Sourced CLEARANCE_ML_PER_MIN = Sourced.verified(710, "mL/min",
            "total body citrate clearance without cirrhosis, Kramer, Crit Care Med 2003;31:2450");
    /** Citrate terminal half-life without cirrhosis, min (Kramer 2003). */
    public static final Sourced HALF_LIFE_MIN = Sourced.verified(36, "min",
            "terminal citrate half-life without cirrhosis, Kramer 2003");
    /** Body weight the Kramer clearance is scaled from, kg. */
    public static final Sourced REFERENCE_WEIGHT_KG = Sourced.unverified(70, "kg",
            "weight assumed for the Kramer 2003 subjects; clearance and volume scale linearly with weight");

    /** Bolan 2001 calibration: citrate rate, mg/kg/min. */
    public static final double BOLAN_2001_RATE_MG_PER_KG_PER_MIN = 1.6;
    /** Bolan 2001 calibration: duration, min. */
    public static final double BOLAN_2001_DURATION_MIN = 90;
    /** Bolan 2001 calibration: fractional fall of ionised calcium. */
    public static final double BOLAN_2001_ICA_FALL_FRACTION = 0.33;

    /** Clearance per kg, mL/min/kg. */
    public static final double CLEARANCE_ML_PER_MIN_PER_KG = CLEARANCE_ML_PER_MIN.value() / REFERENCE_WEIGHT_KG.value();
    /** Volume of distribution per kg, mL/kg: CL t1/2 / ln 2 / weight. DERIVED (36.9 L at 70 kg). */
    public static final double VOLUME_ML_PER_KG = CLEARANCE_ML_PER_MIN_PER_KG * HALF_LIFE_MIN.value() / Math.log(2);
    /** Elimination rate constant, per minute. */
    public static final double ELIMINATION_PER_MIN = Math.log(2) / HALF_LIFE_MIN.value();

    private CitrateKinetics() {
    }

    /** Excess citrate concentration in its distribution volume, mmol/L, for a body load in mg. */
    public static double excessConcentrationMmolPerL(double citrateExcessMg, double weightKg) {
        double mgPerMl = citrateExcessMg / (VOLUME_ML_PER_KG * weightKg);
        return mgPerMl * 1000.0 / Anticoagulant.CITRATE_MOLAR_MASS_G_PER_MOL;
    }

    /** Sentences for a plan's assumptions. */
    public static java.util.List<String> describe() {
        return CalciumModel.describe();
    }
}
