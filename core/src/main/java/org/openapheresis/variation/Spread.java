package org.openapheresis.variation;

import java.util.SplittableRandom;

/**
 * The distribution of a parameter's factor (the varied value over the published one), from its source.
 *
 * @param kind its shape
 * @param a normal: the SD of the factor (the coefficient of variation); log-normal: sigma of its log; uniform and
 *     log-uniform: the lowest factor
 * @param b uniform and log-uniform: the highest factor; otherwise unused (0)
 * @param text the distribution in words, for the plan
 */
public record Spread(Kind kind, double a, double b, String text) {

    /** Shapes of a spread. */
    public enum Kind {
        /** Not varied (no spread was published, or it is a definition). */
        FIXED,
        /** Normal with mean 1, truncated at 3 SD and to (0, 2] by redrawing. */
        NORMAL,
        /** Log-normal with median 1. */
        LOG_NORMAL,
        /** Uniform between two factors. */
        UNIFORM,
        /** Uniform in the logarithm between two factors: the median is their geometric mean. */
        LOG_UNIFORM
    }

    public Spread {
        if (!(a >= 0) || !(b >= 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("spread parameters must be finite and >= 0");
        }
        if ((kind == Kind.UNIFORM || kind == Kind.LOG_UNIFORM) && !(a > 0 && b > a)) {
            throw new IllegalArgumentException("a uniform spread needs 0 < low < high");
        }
    }

    /** Not varied. */
    public static Spread fixed() {
        return new Spread(Kind.FIXED, 0, 0, "fixed");
    }

    /** Normal factor with the given coefficient of variation (SD over mean). */
    public static Spread normal(double cv) {
        return new Spread(Kind.NORMAL, cv, 0, "normal, CV " + round(cv));
    }

    /** Log-normal factor with the given coefficient of variation: sigma = sqrt(ln(1 + CV^2)). */
    public static Spread logNormal(double cv) {
        return new Spread(Kind.LOG_NORMAL, Math.sqrt(Math.log(1 + cv * cv)), 0, "log-normal, CV " + round(cv));
    }

    /** Uniform factor between two values. */
    public static Spread uniform(double low, double high) {
        return new Spread(Kind.UNIFORM, low, high, "uniform, x" + round(low) + " to x" + round(high));
    }

    /**
     * Factor uniform in its logarithm between two values, so that a range halved to doubled is centred on the published
     * value (median x1), where a uniform one would have its median at x1.25.
     */
    public static Spread logUniform(double low, double high) {
        return new Spread(Kind.LOG_UNIFORM, low, high, "log-uniform, x" + round(low) + " to x" + round(high));
    }

    /** One draw of the factor (one uniform draw for uniform and log-uniform alike). */
    public double sample(SplittableRandom random) {
        return switch (kind) {
            case FIXED -> 1;
            case UNIFORM -> a + (b - a) * random.nextDouble();
            case LOG_UNIFORM -> a * Math.exp(Math.log(b / a) * random.nextDouble());
            case LOG_NORMAL -> Math.exp(a * gaussian(random));
            case NORMAL -> {
                double f;
                double z;
                do {
                    z = gaussian(random);
                    f = 1 + a * z;
                } while (Math.abs(z) > 3 || !(f > 0) || f > 2);
                yield f;
            }
        };
    }

    /** A standard normal draw (Box-Muller, one of the pair), reproducible from the generator alone. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 1000) / 1000.0);
    }
}
