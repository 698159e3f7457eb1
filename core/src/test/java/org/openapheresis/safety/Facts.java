package org.openapheresis.safety;

import java.util.OptionalDouble;

/** Safety facts for rule tests: {@link #quiet()} fires no rule; each {@code with...} changes one fact. */
final class Facts {

    private Facts() {
    }

    /** A 70 kg adult, 5000 mL blood volume, a calm 1.0 PV albumin exchange. */
    static SafetyFacts quiet() {
        return new SafetyFacts(70, 5000, OptionalDouble.of(185), OptionalDouble.of(60), OptionalDouble.of(10),
                OptionalDouble.of(0.8), OptionalDouble.of(0.13), OptionalDouble.of(0.3), OptionalDouble.of(1.0),
                OptionalDouble.of(0), OptionalDouble.of(1.2), OptionalDouble.of(200), 1, "", false);
    }

    static SafetyFacts with(SafetyFacts f, String what, double v) {
        return new SafetyFacts(f.weightKg(), what.equals("bloodVolumeMl") ? v : f.bloodVolumeMl(),
                what.equals("ecv") ? OptionalDouble.of(v) : f.extracorporealVolumeMl(), f.inletFlowMlPerMin(),
                f.acRatio(), what.equals("acToPatient") ? OptionalDouble.of(v) : f.acToPatientMlPerMin(),
                what.equals("fractionToPatient") ? OptionalDouble.of(v) : f.fractionOfAcToPatient(),
                what.equals("citrate") ? OptionalDouble.of(v) : f.citrateMgPerKgPerMin(),
                what.equals("plasmaVolumes") ? OptionalDouble.of(v) : f.plasmaVolumesExchanged(),
                what.equals("plasmaPercent") ? OptionalDouble.of(v) : f.plasmaReplacementPercent(),
                what.equals("fibrinogen") ? OptionalDouble.of(v) : f.fibrinogenPostGPerL(),
                what.equals("platelets") ? OptionalDouble.of(v) : f.plateletsPostE9PerL(),
                what.equals("sessions") ? (int) v : f.targetSessionsNeeded(),
                what.equals("sessions") ? "5e6 CD34+/kg" : f.targetDescription(), f.cellProcedure());
    }
}
