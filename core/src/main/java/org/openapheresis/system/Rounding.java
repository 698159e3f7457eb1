package org.openapheresis.system;

/**
 * Rounding for numbers leaving the core in a plan. The simulation always runs on unrounded doubles;
 * only the reported values are rounded, to a precision no finer than the inputs justify.
 */
public final class Rounding {

    private Rounding() {
    }

    /** Rounds half away from zero to the given number of decimals. */
    public static double decimals(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Rounds to the given number of significant digits. */
    public static double significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        int decimals = digits - magnitude;
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
