package org.openapheresis.safety;

import java.util.OptionalDouble;

/**
 * The numbers of one planned session that the safety rules read. Absent values are absent (the rule does
 * not fire), never zero.
 *
 * @param weightKg patient weight, kg
 * @param bloodVolumeMl total blood volume, mL
 * @param extracorporealVolumeMl circuit volume, mL (empty for an infusion)
 * @param inletFlowMlPerMin inlet flow, mL/min
 * @param acRatio inlet:AC ratio
 * @param acToPatientMlPerMin mean anticoagulant reaching the patient, mL/min
 * @param fractionOfAcToPatient share of the anticoagulant that reaches the patient
 * @param citrateMgPerKgPerMin mean citrate to the patient, mg/kg/min
 * @param plasmaVolumesExchanged plasma volumes exchanged (plasma exchange only)
 * @param plasmaReplacementPercent share of donor plasma in the replacement, percent (plasma exchange only)
 * @param fibrinogenPostGPerL predicted fibrinogen at the end, g/L
 * @param plateletsPostE9PerL predicted platelets at the end, 10^9/L
 * @param targetSessionsNeeded sessions a target needs (1 when none or reachable)
 * @param targetDescription what the target is, for the message (e.g. "5e6 CD34+/kg")
 * @param cellProcedure true when no plasma is discarded (all citrate returns)
 * @param initialCd3PerKgDose first planned CD3+ dose of a donor lymphocyte infusion, per recipient kg
 */
public record SafetyFacts(
        double weightKg,
        double bloodVolumeMl,
        OptionalDouble extracorporealVolumeMl,
        OptionalDouble inletFlowMlPerMin,
        OptionalDouble acRatio,
        OptionalDouble acToPatientMlPerMin,
        OptionalDouble fractionOfAcToPatient,
        OptionalDouble citrateMgPerKgPerMin,
        OptionalDouble plasmaVolumesExchanged,
        OptionalDouble plasmaReplacementPercent,
        OptionalDouble fibrinogenPostGPerL,
        OptionalDouble plateletsPostE9PerL,
        int targetSessionsNeeded,
        String targetDescription,
        boolean cellProcedure,
        OptionalDouble initialCd3PerKgDose) {

    public SafetyFacts {
        java.util.Objects.requireNonNull(initialCd3PerKgDose, "initialCd3PerKgDose");
    }

    /** The facts without a DLI dose (every procedure but lymphocyte collection). */
    public SafetyFacts(double weightKg, double bloodVolumeMl, OptionalDouble extracorporealVolumeMl,
            OptionalDouble inletFlowMlPerMin, OptionalDouble acRatio, OptionalDouble acToPatientMlPerMin,
            OptionalDouble fractionOfAcToPatient, OptionalDouble citrateMgPerKgPerMin,
            OptionalDouble plasmaVolumesExchanged, OptionalDouble plasmaReplacementPercent,
            OptionalDouble fibrinogenPostGPerL, OptionalDouble plateletsPostE9PerL, int targetSessionsNeeded,
            String targetDescription, boolean cellProcedure) {
        this(weightKg, bloodVolumeMl, extracorporealVolumeMl, inletFlowMlPerMin, acRatio, acToPatientMlPerMin,
                fractionOfAcToPatient, citrateMgPerKgPerMin, plasmaVolumesExchanged, plasmaReplacementPercent,
                fibrinogenPostGPerL, plateletsPostE9PerL, targetSessionsNeeded, targetDescription, cellProcedure,
                OptionalDouble.empty());
    }
}
