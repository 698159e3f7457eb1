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

    /**
     * A large positive count as staff read it in text: three significant figures and the power of ten, trailing zeros
     * dropped, e.g. {@code 5.9 × 10^6} (the web UI writes the power as ×10⁶). Not positive or not finite: the value
     * as Java prints it.
     */
    public static String scientific(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        int exponent = (int) Math.floor(Math.log10(value));
        double mantissa = new java.math.BigDecimal(value / Math.pow(10, exponent))
                .round(new java.math.MathContext(3)).stripTrailingZeros().doubleValue();
        if (mantissa >= 10) {
            mantissa /= 10;
            exponent++;
        }
        return java.math.BigDecimal.valueOf(mantissa).stripTrailingZeros().toPlainString() + " × 10^" + exponent;
    }
}
