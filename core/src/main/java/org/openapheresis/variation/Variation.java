package org.openapheresis.variation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One virtual patient's factors for every {@link Parameter} (1 for the published model). Immutable.
 */
public final class Variation {

    private static final Variation NOMINAL = new Variation(filled(1));

    private final double[] factors;
    /** Every factor 1: read for every virtual patient's plan, so found once. */
    private final boolean nominal;

    private Variation(double[] factors) {
        this.factors = factors;
        this.nominal = Arrays.stream(factors).allMatch(f -> f == 1);
    }

    /** The published model: every factor 1. */
    public static Variation nominal() {
        return NOMINAL;
    }

    /** One draw of every parameter's factor from its spread. */
    public static Variation sample(SplittableRandom random) {
        return sample(random, EnumSet.allOf(Parameter.class));
    }

    /**
     * One draw in which only the {@code varied} parameters take their drawn factor; the others keep 1 (the published
     * value). Every parameter is drawn in the same order whatever is varied, so a parameter's factor for one
     * generator does not depend on which others are varied.
     */
    public static Variation sample(SplittableRandom random, Set<Parameter> varied) {
        double[] f = new double[Parameter.values().length];
        for (Parameter p : Parameter.values()) {
            double drawn = p.spread().sample(random);
            f[p.ordinal()] = varied.contains(p) ? drawn : 1;
        }
        return new Variation(f);
    }

    /** A draw with given factors (tests); parameters not given are 1. */
    public static Variation of(java.util.Map<Parameter, Double> given) {
        double[] f = filled(1);
        given.forEach((p, v) -> {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(p.code() + ": a factor must be positive, was " + v);
            }
            f[p.ordinal()] = v;
        });
        return new Variation(f);
    }

    /** The factor of one parameter. */
    public double factor(Parameter p) {
        return factors[p.ordinal()];
    }

    /** True for the published model. */
    public boolean isNominal() {
        return nominal;
    }

    private static double[] filled(double v) {
        double[] f = new double[Parameter.values().length];
        Arrays.fill(f, v);
        return f;
    }
}
