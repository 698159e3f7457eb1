package org.openapheresis.safety;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a finished plan predicts, as plain values, for the rules that judge the outcome rather than the settings
 * ({@link OutcomeRules}): run through the whole simulation, the nadir of ionised calcium, the IgG left, the run
 * time and the blood volumes processed. Absent values are absent (the rule does not fire), never zero.
 *
 * @param procedureName the procedure, as staff read it (for messages)
 * @param onSeparator false for an infusion
 * @param cellProcedure true for a leukocytapheresis or a cell collection (nothing but cells removed)
 * @param durationMin separation time, min (set-up and rinseback excluded)
 * @param bloodVolumesProcessed blood processed / total blood volume
 * @param ionizedCalciumNadirMmolPerL predicted lowest ionised calcium during the run, mmol/L
 * @param iggPostGPerL predicted IgG at the end of processing, g/L
 */
public record PlanOutcome(String procedureName, boolean onSeparator, boolean cellProcedure, double durationMin,
        OptionalDouble bloodVolumesProcessed, OptionalDouble ionizedCalciumNadirMmolPerL,
        OptionalDouble iggPostGPerL) {

    public PlanOutcome {
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(bloodVolumesProcessed, "bloodVolumesProcessed");
        Objects.requireNonNull(ionizedCalciumNadirMmolPerL, "ionizedCalciumNadirMmolPerL");
        Objects.requireNonNull(iggPostGPerL, "iggPostGPerL");
    }
}
