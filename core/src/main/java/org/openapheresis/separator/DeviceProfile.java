package org.openapheresis.separator;

import java.util.List;
import java.util.Objects;
import org.openapheresis.system.Sourced;

/**
 * What the planner needs to know about a separator kind. Every number carries its source.
 *
 * @param code the contract's device code
 * @param modelledOn the machines whose published figures the profile uses
 * @param extracorporealVolumePlasmaExchangeMl circuit volume of a plasma exchange set, mL
 * @param extracorporealVolumeCellCollectionMl circuit volume of a cell collection set, mL
 * @param usualInletFlowMlPerMin the inlet flow used when the request gives none, mL/min
 * @param inletFlowRangeMlPerMin lowest and highest inlet flow accepted, mL/min (as two values)
 * @param plasmaRemovalEfficiency share of the plasma (with its anticoagulant) passing through the separator
 *     that a plasma exchange removes, 0..1; for intermittent flow the nominal value at haematocrit 0.42
 * @param plateletLossPerPlasmaVolume fraction of circulating platelets lost per plasma volume exchanged
 * @param cycle bowl cycle of an intermittent-flow separator, or null for continuous flow
 * @param cellCollection collection and removal efficiencies of the cell procedures
 */
public record DeviceProfile(
        String code,
        String modelledOn,
        Sourced extracorporealVolumePlasmaExchangeMl,
        Sourced extracorporealVolumeCellCollectionMl,
        Sourced usualInletFlowMlPerMin,
        List<Sourced> inletFlowRangeMlPerMin,
        Sourced plasmaRemovalEfficiency,
        Sourced plateletLossPerPlasmaVolume,
        BowlCycle cycle,
        CellCollectionEfficiencies cellCollection) {

    public DeviceProfile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cellCollection, "cellCollection");
        Objects.requireNonNull(modelledOn, "modelledOn");
        inletFlowRangeMlPerMin = List.copyOf(inletFlowRangeMlPerMin);
        if (inletFlowRangeMlPerMin.size() != 2) {
            throw new IllegalArgumentException("inlet flow range needs a low and a high value");
        }
    }

    public boolean intermittent() {
        return cycle != null;
    }

    public double minInletFlowMlPerMin() {
        return inletFlowRangeMlPerMin.get(0).value();
    }

    public double maxInletFlowMlPerMin() {
        return inletFlowRangeMlPerMin.get(1).value();
    }

    /**
     * Share of the plasma stream (patient plasma and its anticoagulant) that a plasma exchange removes.
     * Continuous flow: the profile's constant. Intermittent flow: each cycle leaves the plasma between the
     * packed red cells in the bowl behind, so the share depends on haematocrit (see {@link BowlCycle}).
     */
    public double plasmaRemovalEfficiency(double hematocritFraction, double acRatio) {
        if (cycle == null) {
            return plasmaRemovalEfficiency.value();
        }
        return cycle.plasmaRemovalEfficiency(hematocritFraction, acRatio);
    }

    /**
     * Separation time to process a whole blood volume, minutes: continuous flow processes without pause;
     * intermittent flow adds the return phase of each bowl cycle.
     *
     * @param processedWholeBloodMl whole blood processed, anticoagulant excluded
     * @param bloodFlowMlPerMin whole blood drawn per minute during draw (inlet minus AC)
     * @param hematocritFraction the patient's haematocrit
     * @param acRatio inlet:AC ratio
     */
    public double separationMinutes(double processedWholeBloodMl, double bloodFlowMlPerMin,
            double hematocritFraction, double acRatio) {
        double drawMin = processedWholeBloodMl / bloodFlowMlPerMin;
        if (cycle == null) {
            return drawMin;
        }
        return drawMin + cycle.returnMinutes(processedWholeBloodMl, hematocritFraction, acRatio);
    }
}
