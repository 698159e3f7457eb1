package org.openapheresis.server.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.server.patient.LabField;

/**
 * The LOINC code and UCUM unit of the lab fields, read from the data file {@code /fhir/lab-codes.csv} (each row
 * with its source). A field with no row has no verified code and is left out of the FHIR face.
 */
public final class LabCodes {

    /**
     * One row.
     *
     * @param field the lab field, e.g. {@code plateletsE9PerL}
     * @param loinc the LOINC code
     * @param ucum the UCUM code of the unit the field is stored in
     * @param name the field's name as staff read it (the Observation's {@code code.text})
     */
    public record Code(String field, String loinc, String ucum, String name) {
    }

    private static final LabCodes TABLE = load("/fhir/lab-codes.csv");

    private final Map<String, Code> byField;

    private LabCodes(Map<String, Code> byField) {
        this.byField = Collections.unmodifiableMap(byField);
    }

    /** The table shipped with the server. */
    public static LabCodes table() {
        return TABLE;
    }

    public Optional<Code> ofField(String field) {
        return Optional.ofNullable(byField.get(field));
    }

    public Optional<Code> ofLoinc(String loinc) {
        return byField.values().stream().filter(c -> c.loinc().equals(loinc)).findFirst();
    }

    public java.util.Collection<Code> all() {
        return byField.values();
    }

    static LabCodes load(String resource) {
        Map<String, Code> rows = new LinkedHashMap<>();
        for (String[] cols : rows(resource)) {
            LabField field = LabField.of(cols[0]).orElseThrow(
                    () -> new IllegalStateException(resource + ": no lab field " + cols[0]));
            rows.put(field.field(), new Code(field.field(), cols[1], cols[2], field.name()));
        }
        return new LabCodes(rows);
    }

    /** The rows of a code table ({@code field,loinc,ucum,name}; {@code #} starts a comment line). */
    static java.util.List<String[]> rows(String resource) {
        return rows(resource, 4);
    }

    /** The rows of a comma-separated data file of {@code columns} columns ({@code #} starts a comment line). */
    static java.util.List<String[]> rows(String resource, int columns) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (InputStream in = LabCodes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split(",", -1);
                if (cols.length != columns) {
                    throw new IllegalStateException(resource + ": a row needs " + columns + " columns: " + line);
                }
                rows.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The vital signs' codes, from {@code /fhir/vital-codes.csv}, by field ({@code systolicMmHg} ...). */
    static Map<String, Code> vitals() {
        Map<String, Code> m = new LinkedHashMap<>();
        for (String[] cols : rows("/fhir/vital-codes.csv")) {
            m.put(cols[0], new Code(cols[0], cols[1], cols[2], cols[3]));
        }
        return Collections.unmodifiableMap(m);
    }
}
