package org.openapheresis.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference file: a header of {@code #} lines (citation, units, tolerance and why) and rows of
 * whitespace-separated values. One file per published table or worked case (the cases are described in
 * docs/reference-cases.md).
 */
public record ReferenceFile(String name, List<String> header, List<String[]> rows) {

    /** Loads {@code /reference/NAME} from the test class path. */
    public static ReferenceFile load(String name) {
        try (InputStream in = ReferenceFile.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + name);
            }
            List<String> header = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#")) {
                    header.add(t.substring(1).strip());
                } else {
                    rows.add(t.split("\\s+"));
                }
            }
            if (header.stream().noneMatch(h -> h.startsWith("Source:"))) {
                throw new IllegalStateException(name + " has no 'Source:' line");
            }
            if (header.stream().noneMatch(h -> h.startsWith("Tolerance:"))) {
                throw new IllegalStateException(name + " has no 'Tolerance:' line");
            }
            return new ReferenceFile(name, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric value of a row's column. */
    public static double num(String[] row, int column) {
        return Double.parseDouble(row[column]);
    }
}
