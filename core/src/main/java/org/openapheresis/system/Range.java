package org.openapheresis.system;

/**
 * A closed interval of allowed values for one quantity, with the unit in the name of the constant that
 * holds it. Used both by the request reader (to report every problem) and by constructors (to refuse an
 * impossible value that slipped past an edge).
 *
 * @param low lowest allowed value, inclusive
 * @param high highest allowed value, inclusive
 */
public record Range(double low, double high) {

    public Range {
        if (!(low <= high)) {
            throw new IllegalArgumentException("range low " + low + " above high " + high);
        }
    }

    public static Range of(double low, double high) {
        return new Range(low, high);
    }

    public boolean contains(double value) {
        return Double.isFinite(value) && value >= low && value <= high;
    }

    /** The problem for a value outside this range, or none. */
    public java.util.Optional<Problem> check(String field, double value) {
        if (!Double.isFinite(value)) {
            return java.util.Optional.of(Problem.of(field, MessageKey.NOT_FINITE, value));
        }
        if (!contains(value)) {
            return java.util.Optional.of(Problem.of(field, MessageKey.OUT_OF_RANGE, value, low, high));
        }
        return java.util.Optional.empty();
    }

    /**
     * Refuses a value outside the range at construction.
     *
     * @return the value, for use in assignments
     * @throws InvalidInputException when the value is outside
     */
    public double require(String field, double value) {
        var problem = check(field, value);
        if (problem.isPresent()) {
            throw new InvalidInputException(java.util.List.of(problem.get()));
        }
        return value;
    }
}
