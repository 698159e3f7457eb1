package org.openapheresis.kinetics;

/**
 * Amounts of one analyte inside and outside the circulation, in the analyte's unit times litres
 * (g for proteins in g/L, 10^9 cells for counts in 10^9/L).
 *
 * @param intravascular amount in the circulation
 * @param extravascular amount outside it
 * @param synthesisPerMin constant production that balances catabolism at the patient's baseline, per minute
 * @param baselineConcentration the intravascular concentration at which catabolism runs at its baseline rate
 *     (the patient's pre-procedure level; used by saturable catabolism), or NaN when catabolism is first-order
 */
public record Pools(double intravascular, double extravascular, double synthesisPerMin, double baselineConcentration) {

    /** Pools of an analyte with first-order catabolism. */
    public Pools(double intravascular, double extravascular, double synthesisPerMin) {
        this(intravascular, extravascular, synthesisPerMin, Double.NaN);
    }

    public Pools {
        if (!Double.isFinite(intravascular) || !Double.isFinite(extravascular)) {
            throw new IllegalStateException("analyte amount is not finite");
        }
    }

    public double total() {
        return intravascular + extravascular;
    }
}
