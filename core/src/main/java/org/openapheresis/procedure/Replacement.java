package org.openapheresis.procedure;

/**
 * Replacement fluid mix of a plasma exchange, percent of the replacement volume.
 *
 * @param albuminPercent share given as 5% albumin
 * @param plasmaPercent share given as donor plasma
 */
public record Replacement(double albuminPercent, double plasmaPercent) {

    public Replacement {
        if (albuminPercent < 0 || plasmaPercent < 0 || Math.abs(albuminPercent + plasmaPercent - 100) > 1e-6) {
            throw new IllegalArgumentException("replacement percentages must be non-negative and sum to 100");
        }
    }

    /** The contract's default: 100% albumin 5%. */
    public static Replacement allAlbumin() {
        return new Replacement(100, 0);
    }
}
