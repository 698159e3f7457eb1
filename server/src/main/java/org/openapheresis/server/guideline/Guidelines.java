package org.openapheresis.server.guideline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.server.json.Json;

/**
 * The cited table of common indications ({@code guidelines/asfa-2023-selected.json}): ASFA 2023 category and
 * grade by ICD-10 code prefix and procedure type. Rows for collections are marked as not ASFA indications.
 */
public final class Guidelines {

    /** Where the table lives on the classpath. */
    public static final String RESOURCE = "/guidelines/asfa-2023-selected.json";

    private final Map<String, Object> table;
    private final List<Map<String, Object>> rows;

    @SuppressWarnings("unchecked")
    private Guidelines(Map<String, Object> table) {
        this.table = table;
        this.rows = (List<Map<String, Object>>) table.get("indications");
    }

    @SuppressWarnings("unchecked")
    public static Guidelines load() {
        try (InputStream in = Guidelines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new Guidelines(new ObjectMapper().readValue(in, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole table (for the catalogue). */
    public Map<String, Object> table() {
        return table;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** The row whose ICD-10 prefix matches the code and whose procedure type matches. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> match(String icd10, String procedureType) {
        String code = icd10.toUpperCase(java.util.Locale.ROOT);
        return rows.stream()
                .filter(r -> procedureType.equals(r.get("procedureType")))
                .filter(r -> ((List<String>) r.get("icd10")).stream().anyMatch(code::startsWith))
                .findFirst();
    }

    /**
     * The guideline block stored with an order: the matched row with the table's source and note, or a note
     * that the selected table has no row.
     */
    public Map<String, Object> categoryFor(String icd10, String procedureType) {
        Map<String, Object> g = new LinkedHashMap<>();
        Optional<Map<String, Object>> row = match(icd10, procedureType);
        if (row.isPresent()) {
            g.put("matched", true);
            for (String k : List.of("id", "indication", "category", "grade", "prescription", "verified")) {
                g.put(k, row.get().get(k));
            }
        } else {
            g.put("matched", false);
            g.put("indication", null);
            g.put("category", null);
            g.put("grade", null);
        }
        g.put("source", table.get("source"));
        g.put("note", row.isPresent() ? table.get("note")
                : "no row of the selected table matches this ICD-10 code and procedure; consult the current ASFA "
                        + "guideline, which is authoritative");
        return g;
    }

    /** Reads the JSON of a stored guideline block. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        return json == null ? null : (Map<String, Object>) Json.parse(json);
    }
}
