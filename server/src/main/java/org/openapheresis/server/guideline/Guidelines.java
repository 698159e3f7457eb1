package org.openapheresis.server.guideline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cited table of common indications ({@code guidelines/asfa-2023-selected.json}): ASFA 2023 category and
 * grade by ICD-10 code prefix and procedure type. Rows for collections are marked as not ASFA indications.
 */
public final class Guidelines {

    /** Where the table lives on the classpath. */
    public static final String RESOURCE = "/guidelines/asfa-2023-selected.json";

    /**
     * The whole table as the catalogue serves it.
     *
     * @param title what the table is
     * @param source its citation
     * @param note what a reader must know
     * @param categories ASFA category to meaning
     * @param grades what the grades mean
     * @param indications the rows
     */
    public record Table(String title, String source, String note, Map<String, String> categories, String grades,
            List<GuidelineRow> indications) {
    }

    private final Table table;

    private Guidelines(Table table) {
        this.table = table;
    }

    public static Guidelines load() {
        try (InputStream in = Guidelines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            ObjectMapper m = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return new Guidelines(m.readValue(in, Table.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole table (for the catalogue). */
    public Table table() {
        return table;
    }

    public List<GuidelineRow> rows() {
        return table.indications();
    }

    /** The row with this id. */
    public Optional<GuidelineRow> row(String id) {
        return rows().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The first row whose ICD-10 prefix matches the code and whose procedure type matches. */
    public Optional<GuidelineRow> match(String icd10, String procedureType) {
        String code = icd10.toUpperCase(Locale.ROOT);
        return rows().stream()
                .filter(r -> procedureType.equals(r.procedureType()))
                .filter(r -> r.icd10().stream().anyMatch(code::startsWith))
                .findFirst();
    }

    /**
     * The guideline block stored with an order: the matched row with the table's source and note, or a note that
     * the selected table has no row.
     */
    public GuidelineMatch categoryFor(String icd10, String procedureType) {
        return match(icd10, procedureType).map(this::categoryFor)
                .orElseGet(() -> new GuidelineMatch(false, null, null, null, null, null, null, table.source(),
                        "no row of the selected table matches this ICD-10 code and procedure; consult the current ASFA "
                                + "guideline, which is authoritative"));
    }

    /** The guideline block of a row chosen by its id. */
    public GuidelineMatch categoryFor(GuidelineRow r) {
        return new GuidelineMatch(true, r.id(), r.indication(), r.category(), r.grade(), r.prescription(),
                r.verified(), table.source(), table.note());
    }
}
