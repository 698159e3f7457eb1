package org.openapheresis.patient;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * Pre-procedure laboratory values, each in its analyte's unit. Absent values are absent, never zero.
 *
 * @param values the measured values; every one inside its analyte's range
 */
public record Labs(Map<Analyte, Double> values) {

    public Labs {
        EnumMap<Analyte, Double> copy = new EnumMap<>(Analyte.class);
        for (var e : values.entrySet()) {
            e.getKey().range().require("patient.labs." + e.getKey().field(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** No labs at all. */
    public static Labs none() {
        return new Labs(Map.of());
    }

    /** @return the value, or empty when it was not measured */
    public OptionalDouble get(Analyte analyte) {
        Double v = values.get(analyte);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean has(Analyte analyte) {
        return values.containsKey(analyte);
    }

    /**
     * @return the value
     * @throws InvalidInputException naming the field when the value is absent
     */
    public double require(Analyte analyte, String procedureType) {
        Double v = values.get(analyte);
        if (v == null) {
            throw InvalidInputException.of("patient.labs." + analyte.field(),
                    MessageKey.LAB_REQUIRED_FOR_PROCEDURE, procedureType);
        }
        return v;
    }

    /** A copy with one value replaced (used to carry post values into the next session of a course). */
    public Labs with(Analyte analyte, double value) {
        EnumMap<Analyte, Double> copy = new EnumMap<>(Analyte.class);
        copy.putAll(values);
        copy.put(analyte, value);
        return new Labs(copy);
    }
}
