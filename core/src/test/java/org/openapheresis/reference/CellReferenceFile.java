package org.openapheresis.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files of the cell procedures: a {@link ReferenceFile} whose rows are named cases,
 * {@code name key=value key=value ...}.
 */
final class CellReferenceFile {

    /** One case: its name and its numbers. */
    record Case(String name, Map<String, Double> values) {
        double get(String key) {
            Double v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("case " + name + " has no " + key);
            }
            return v;
        }
    }

    private CellReferenceFile() {
    }

    /**
     * Reads a file through {@link ReferenceFile} (which insists on its Source and Tolerance lines); each row is
     * {@code name key=value key=value ...}.
     */
    static List<Case> read(String resource) {
        ReferenceFile file = ReferenceFile.load(resource);
        List<Case> out = new ArrayList<>();
        for (String[] row : file.rows()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 1; i < row.length; i++) {
                String[] kv = row[i].split("=", 2);
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
            out.add(new Case(row[0], values));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(resource + " has no case");
        }
        return out;
    }

    static Case one(String resource, String name) {
        return read(resource).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(resource + " has no case " + name));
    }
}
