package org.openapheresis.server.patient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Patient;
import org.openapheresis.system.Range;

/**
 * A lab value the unit records: the plan contract's haematocrit plus every core {@link Analyte}, with the
 * contract's field name, unit and plausible range.
 *
 * @param field contract field name, e.g. {@code plateletsE9PerL}
 * @param name what staff read, e.g. {@code Platelets}
 * @param unit unit of the value
 * @param range values a living patient can have
 */
public record LabField(String field, String name, String unit, Range range) {

    public static final String HEMATOCRIT = "hematocritPercent";

    private static final List<LabField> ALL;

    static {
        List<LabField> all = new ArrayList<>();
        all.add(new LabField(HEMATOCRIT, "Haematocrit", "%", Patient.HEMATOCRIT_PERCENT));
        for (Analyte a : Analyte.values()) {
            all.add(new LabField(a.field(), a.displayName(), a.unit(), a.range()));
        }
        ALL = Collections.unmodifiableList(all);
    }

    public static List<LabField> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(LabField::field).toList();
    }

    /** Reads a {@code labs} object: contract field name to value, each in its plausible range. */
    public static java.util.Map<String, Double> read(org.openapheresis.contract.Node f) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (LabField lab : ALL) {
            f.number(lab.field(), lab.range(), false).ifPresent(v -> values.put(lab.field(), v));
        }
        f.rejectUnknown();
        return values;
    }

    public static Optional<LabField> of(String field) {
        return ALL.stream().filter(f -> f.field().equals(field)).findFirst();
    }
}
