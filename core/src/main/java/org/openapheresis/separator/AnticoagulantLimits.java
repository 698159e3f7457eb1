package org.openapheresis.separator;

import org.openapheresis.system.Sourced;

/**
 * Limits on anticoagulant and citrate delivered to the patient, and the flows they allow.
 */
public final class AnticoagulantLimits {

    /**
     * Highest anticoagulant infusion rate to the patient, mL/min per litre of total blood volume: the top of
     * the Spectra Optia setting range 0.8-1.2 (operator's manual, Table 4-13).
     */
    public static final Sourced AC_INFUSION_MAX_ML_PER_MIN_PER_L_TBV = Sourced.verified(1.2, "mL/min per L TBV",
            "top of the Spectra Optia AC infusion rate range 0.8-1.2, operator's manual Table 4-13");

    /**
     * Citrate rate below which no symptoms or ECG changes were seen: 65 mg/kg/h = 1.08 mg/kg/min
     * (Olson et al.; McCullough, Transfusion Medicine).
     */
    public static final Sourced CITRATE_SYMPTOM_THRESHOLD_MG_PER_KG_PER_MIN = Sourced.verified(65.0 / 60.0,
            "mg/kg/min", "65 mg/kg/h without symptoms or ECG changes, Olson et al.; McCullough, Transfusion Medicine");

    private AnticoagulantLimits() {
    }

    /** Highest AC flow to the patient for a blood volume, mL/min. */
    public static double maxAcToPatientMlPerMin(double bloodVolumeMl) {
        return AC_INFUSION_MAX_ML_PER_MIN_PER_L_TBV.value() * bloodVolumeMl / 1000.0;
    }

    /**
     * Highest inlet flow that keeps the AC reaching the patient within the limit, mL/min.
     *
     * @param bloodVolumeMl total blood volume
     * @param acRatio inlet:AC ratio (AC flow = inlet / ratio)
     * @param fractionOfAcToPatient share of the anticoagulant that returns to the patient, (0, 1]; the rest
     *     leaves in discarded plasma or in the product
     */
    public static double maxInletFlowMlPerMin(double bloodVolumeMl, double acRatio, double fractionOfAcToPatient) {
        if (!(fractionOfAcToPatient > 0 && fractionOfAcToPatient <= 1)) {
            throw new IllegalArgumentException("fraction of AC to patient must be in (0,1], was " + fractionOfAcToPatient);
        }
        return maxAcToPatientMlPerMin(bloodVolumeMl) * acRatio / fractionOfAcToPatient;
    }
}
