package org.openapheresis.system;

/**
 * Rounding for numbers leaving the core in a plan. The simulation always runs on unrounded doubles;
 * only the reported values are rounded, to a precision no finer than the inputs justify.
 */
public final class Rounding {

    /** Exponents of ten kept in {@link #POWERS}, either side of 0. */
    private static final int KEPT_EXPONENTS = 40;
    /** 10^n for |n| <= {@link #KEPT_EXPONENTS}, each the value {@link Math#pow} gives, computed once. */
    private static final double[] POWERS = new double[2 * KEPT_EXPONENTS + 1];

    static {
        for (int n = -KEPT_EXPONENTS; n <= KEPT_EXPONENTS; n++) {
            POWERS[n + KEPT_EXPONENTS] = Math.pow(10, n);
        }
    }

    private Rounding() {
    }

    /** 10^n, as {@link Math#pow} gives it (from a table for the exponents rounding meets). */
    private static double tenTo(int n) {
        return n >= -KEPT_EXPONENTS && n <= KEPT_EXPONENTS ? POWERS[n + KEPT_EXPONENTS] : Math.pow(10, n);
    }

    /** Rounds half away from zero to the given number of decimals. */
    public static double decimals(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = tenTo(decimals);
        return Math.round(value * scale) / scale;
    }

    /** Rounds to the given number of significant digits. */
    public static double significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        int decimals = digits - magnitude;
        double scale = tenTo(decimals);
        return Math.round(value * scale) / scale;
    }
}
