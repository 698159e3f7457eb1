package org.openapheresis.separator;

import java.util.List;
import java.util.Objects;
import org.openapheresis.system.Sourced;

/**
 * How well a separator collects (or removes) each cell type in the cell procedures, with sources.
 *
 * <p>CE2 is the share of the target cells that pass through the separator (pre-procedure count x whole blood
 * processed) that end up in the product (Neyrinck et al., "Calculations in apheresis", J Clin Apher
 * 2015;30:38). A removal efficiency is the share of the cells in the blood passing through that the
 * separator takes out at the moment they pass; the simulator uses it on the current count.
 *
 * @param cd34Ce2Autologous CE2 of CD34+ cells in autologous HPC collections, 0..1
 * @param cd34Ce2Allogeneic CE2 of CD34+ cells in allogeneic (donor) HPC collections, 0..1
 * @param cd34RemovalEfficiency CE1: CD34+ collected per CD34+ passing at the current count, 0..1
 * @param cd3Ce2 CE2 of CD3+ cells in lymphocyte (MNC) collections, 0..1
 * @param granulocyteCe2WithHes CE2 of granulocytes with hydroxyethyl starch in the circuit, 0..1
 * @param granulocyteCe2WithoutHes CE2 of granulocytes without a sedimenting agent, 0..1
 * @param wbcRemovalEfficiency share of white cells passing through that a white cell depletion removes, 0..1
 * @param plateletRemovalEfficiency share of platelets passing through that a cell procedure takes with the
 *     product, 0..1
 * @param cd34Ce2ByHematocrit the device's published dependence of CD34+ CE2 on the patient's haematocrit, which
 *     replaces the two medians when present; empty for a device without one
 */
public record CellCollectionEfficiencies(
        Sourced cd34Ce2Autologous,
        Sourced cd34Ce2Allogeneic,
        Sourced cd34RemovalEfficiency,
        Sourced cd3Ce2,
        Sourced granulocyteCe2WithHes,
        Sourced granulocyteCe2WithoutHes,
        Sourced wbcRemovalEfficiency,
        Sourced plateletRemovalEfficiency,
        java.util.Optional<Ce2ByHematocrit> cd34Ce2ByHematocrit) {

    /**
     * A published linear regression of CE2 (percent) on the haematocrit (percent): CE2 = slope x Hct + intercept.
     *
     * @param slopePercentPerHematocritPercent CE2 points per haematocrit point
     * @param interceptPercent CE2 at a haematocrit of 0 (a regression constant, not a physical value)
     * @param source the citation in words
     */
    public record Ce2ByHematocrit(double slopePercentPerHematocritPercent, double interceptPercent, String source) {

        public Ce2ByHematocrit {
            Objects.requireNonNull(source, "source");
        }

        /** CE2 at a haematocrit, 0..1. */
        public double ce2(double hematocritPercent) {
            return (slopePercentPerHematocritPercent * hematocritPercent + interceptPercent) / 100;
        }
    }

    public CellCollectionEfficiencies {
        Objects.requireNonNull(cd34Ce2ByHematocrit, "cd34Ce2ByHematocrit");
        for (Sourced s : List.of(cd34Ce2Autologous, cd34Ce2Allogeneic, cd34RemovalEfficiency, cd3Ce2,
                granulocyteCe2WithHes, granulocyteCe2WithoutHes, wbcRemovalEfficiency, plateletRemovalEfficiency)) {
            Objects.requireNonNull(s, "efficiency");
            if (!(s.value() > 0 && s.value() <= 1)) {
                throw new IllegalArgumentException("an efficiency must be in (0,1], was " + s.value());
            }
        }
    }
}
