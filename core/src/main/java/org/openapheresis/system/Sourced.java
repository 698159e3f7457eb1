package org.openapheresis.system;

import java.util.Objects;

/**
 * A model constant together with where it comes from, so that a plan's {@code assumptions} can name the
 * source of every number that shaped it. A value no source excerpt confirmed is marked unverified, in
 * code and in the sentence shown to users.
 *
 * @param value the number, in the unit the holder's name gives
 * @param unit the unit as shown to users (may be empty for a dimensionless number)
 * @param source the citation in words
 * @param verified false when the value was not confirmed in a source
 */
public record Sourced(double value, String unit, String source, boolean verified) {

    public Sourced {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sourced value must be finite");
        }
    }

    /** A value read in a source. */
    public static Sourced verified(double value, String unit, String source) {
        return new Sourced(value, unit, source, true);
    }

    /** A value that is widely quoted but was not confirmed in a source. */
    public static Sourced unverified(double value, String unit, String source) {
        return new Sourced(value, unit, source, false);
    }

    /** @return e.g. {@code plasma removal efficiency 0.87 (Tormey, Transfusion 2010;50:471)} */
    public String describe(String what) {
        String number = Problem.render(value) + (unit.isEmpty() ? "" : " " + unit);
        return what + " " + number + " (" + (verified ? "" : "UNVERIFIED: ") + source + ")";
    }
}
