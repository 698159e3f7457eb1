package org.openapheresis.separator;

import org.openapheresis.system.Sourced;

/**
 * The draw, spin and return cycle of an intermittent-flow separator. The bowl fills until its red cells
 * are packed to the bowl haematocrit; then the separated layer is taken and the rest returned. The whole
 * blood per cycle therefore rises as the patient's haematocrit falls (JPAC UK Red Book, Appendix III).
 *
 * @param bowlVolumeMl volume of the bowl, mL
 * @param bowlHematocrit haematocrit of the packed red cells in a full bowl, 0..1
 * @param returnFlowMlPerMin flow of the return phase, mL/min
 */
public record BowlCycle(Sourced bowlVolumeMl, Sourced bowlHematocrit, Sourced returnFlowMlPerMin) {

    /** Whole blood drawn per cycle, mL: the red cells that fill the bowl, divided by the patient's Hct. */
    public double wholeBloodPerCycleMl(double hematocritFraction) {
        return bowlVolumeMl.value() * bowlHematocrit.value() / hematocritFraction;
    }

    /** Number of cycles (fractional) for a processed volume. */
    public double cycles(double processedWholeBloodMl, double hematocritFraction) {
        return processedWholeBloodMl / wholeBloodPerCycleMl(hematocritFraction);
    }

    /**
     * Plasma-stream removal share per cycle: all plasma and AC drawn except what stays between the packed
     * cells in the bowl, bowl volume x (1 - bowl Hct). DERIVED from the bowl geometry.
     */
    public double plasmaRemovalEfficiency(double hematocritFraction, double acRatio) {
        double wb = wholeBloodPerCycleMl(hematocritFraction);
        double ac = wb / (acRatio - 1);
        double plasmaStream = wb * (1 - hematocritFraction) + ac;
        double left = bowlVolumeMl.value() * (1 - bowlHematocrit.value());
        return (plasmaStream - left) / plasmaStream;
    }

    /** Time spent returning the bowl's red cells and the fluid returned with them, minutes. */
    public double returnMinutes(double processedWholeBloodMl, double hematocritFraction, double acRatio) {
        double perCycleReturnMl = bowlVolumeMl.value();
        return cycles(processedWholeBloodMl, hematocritFraction) * perCycleReturnMl / returnFlowMlPerMin.value();
    }
}
