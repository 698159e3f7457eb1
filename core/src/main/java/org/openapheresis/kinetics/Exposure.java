package org.openapheresis.kinetics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;

/**
 * What happens to the body per minute during one phase (constant rates): fluid taken and given, each
 * analyte cleared or added, citrate delivered. A phase with no exposure is the time between procedures.
 *
 * @param plasmaRemovedMlPerMin the patient's own plasma leaving the body (discarded or in a product), mL/min
 * @param redCellsRemovedMlPerMin red cells leaving the body, mL/min
 * @param fluidGivenMlPerMin fluid entering the plasma (replacement, anticoagulant, infusion), mL/min
 * @param clearanceMlPerMin per analyte, the volume of its space emptied of it per minute, mL/min
 * @param addedPerMin per analyte, amount given per minute (unit x L per min)
 * @param citrateToPatientMgPerMin citrate entering the patient, mg/min
 */
public record Exposure(double plasmaRemovedMlPerMin, double redCellsRemovedMlPerMin, double fluidGivenMlPerMin,
        Map<Analyte, Double> clearanceMlPerMin, Map<Analyte, Double> addedPerMin, double citrateToPatientMgPerMin) {

    public Exposure {
        clearanceMlPerMin = Collections.unmodifiableMap(copy(clearanceMlPerMin));
        addedPerMin = Collections.unmodifiableMap(copy(addedPerMin));
        for (double v : new double[] {plasmaRemovedMlPerMin, redCellsRemovedMlPerMin, fluidGivenMlPerMin,
            citrateToPatientMgPerMin}) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("exposure rates must be finite and non-negative, got " + v);
            }
        }
    }

    private static Map<Analyte, Double> copy(Map<Analyte, Double> m) {
        return m.isEmpty() ? new EnumMap<>(Analyte.class) : new EnumMap<>(m);
    }

    /** Nothing in or out: the body between procedures. */
    public static Exposure none() {
        return new Exposure(0, 0, 0, Map.of(), Map.of(), 0);
    }

    public double clearance(Analyte a) {
        return clearanceMlPerMin.getOrDefault(a, 0.0);
    }

    public double added(Analyte a) {
        return addedPerMin.getOrDefault(a, 0.0);
    }
}
