package org.openapheresis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files of the cell procedures: lines starting with {@code #} are the citation, units and
 * tolerance; every other non-blank line is a case, {@code name key=value key=value ...}.
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

    static List<Case> read(String resource) {
        try (InputStream in = CellReferenceFile.class.getResourceAsStream("/reference/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Case> out = new ArrayList<>();
            boolean headed = false;
            for (String line : text.split("\n")) {
                String t = line.strip();
                if (t.startsWith("#")) {
                    headed = true;
                    continue;
                }
                if (t.isEmpty()) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                Map<String, Double> values = new LinkedHashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    values.put(kv[0], Double.parseDouble(kv[1]));
                }
                out.add(new Case(parts[0], values));
            }
            if (!headed || out.isEmpty()) {
                throw new IllegalStateException(resource + " needs a citation header and at least one case");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Case one(String resource, String name) {
        return read(resource).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(resource + " has no case " + name));
    }
}
