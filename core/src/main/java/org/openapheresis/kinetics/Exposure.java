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
 * @param calciumPlasmaOutMlPerMin the patient's own plasma leaving the body with its ionisable calcium (discarded
 *     plasma, a product's plasma), mL/min
 * @param calciumGivenMmolPerMin calcium entering the patient (infusion, return fluid, donor plasma), mmol/min
 * @param calciumBoundMmolPerMin calcium taken up by calcium-free albumin given, mmol/min
 */
public record Exposure(double plasmaRemovedMlPerMin, double redCellsRemovedMlPerMin, double fluidGivenMlPerMin,
        Map<Analyte, Double> clearanceMlPerMin, Map<Analyte, Double> addedPerMin, double citrateToPatientMgPerMin,
        double calciumPlasmaOutMlPerMin, double calciumGivenMmolPerMin, double calciumBoundMmolPerMin) {

    /** An exposure that neither takes nor gives calcium other than through citrate. */
    public Exposure(double plasmaRemovedMlPerMin, double redCellsRemovedMlPerMin, double fluidGivenMlPerMin,
            Map<Analyte, Double> clearanceMlPerMin, Map<Analyte, Double> addedPerMin, double citrateToPatientMgPerMin) {
        this(plasmaRemovedMlPerMin, redCellsRemovedMlPerMin, fluidGivenMlPerMin, clearanceMlPerMin, addedPerMin,
                citrateToPatientMgPerMin, 0, 0, 0);
    }

    public Exposure {
        clearanceMlPerMin = Collections.unmodifiableMap(copy(clearanceMlPerMin));
        addedPerMin = Collections.unmodifiableMap(copy(addedPerMin));
        for (double v : new double[] {plasmaRemovedMlPerMin, redCellsRemovedMlPerMin, fluidGivenMlPerMin,
            citrateToPatientMgPerMin, calciumPlasmaOutMlPerMin, calciumGivenMmolPerMin, calciumBoundMmolPerMin}) {
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

    /** This exposure with calcium taken and given. */
    public Exposure withCalcium(double plasmaOutMlPerMin, double givenMmolPerMin, double boundMmolPerMin) {
        return new Exposure(plasmaRemovedMlPerMin, redCellsRemovedMlPerMin, fluidGivenMlPerMin, clearanceMlPerMin,
                addedPerMin, citrateToPatientMgPerMin, plasmaOutMlPerMin, givenMmolPerMin, boundMmolPerMin);
    }

    public double clearance(Analyte a) {
        return clearanceMlPerMin.getOrDefault(a, 0.0);
    }

    public double added(Analyte a) {
        return addedPerMin.getOrDefault(a, 0.0);
    }
}
