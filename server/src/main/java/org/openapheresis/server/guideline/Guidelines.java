package org.openapheresis.server.guideline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;

/**
 * The cited indications table ({@code guidelines/asfa-2023.json}): the rows of ASFA 2023 Table 1 whose procedure
 * OpenApheresis plans, each with its category, grade, fact sheet's prescription box, place in the paper and what
 * it was checked against; plus the collection rows, which are not ASFA indications. Loading checks the file's
 * shape and fails on a malformed row (a category not I-IV, a grade not 1A-2C, an unknown procedure, a repeated id).
 */
public final class Guidelines {

    /** Where the table lives on the classpath. */
    public static final String RESOURCE = "/guidelines/asfa-2023.json";

    /** The ASFA categories. */
    public static final List<String> CATEGORIES = List.of("I", "II", "III", "IV");

    /** The ASFA grades: strength 1 or 2, quality A, B or C. */
    public static final List<String> GRADES = List.of("1A", "1B", "1C", "2A", "2B", "2C");

    /**
     * The whole table as the catalogue serves it.
     *
     * @param title what the table is
     * @param source its citation
     * @param note what a reader must know
     * @param categories ASFA category to meaning
     * @param grades what the grades mean
     * @param verificationLevels verification code to meaning
     * @param prescriptionSource where the prescription boxes come from, and how far to trust them
     * @param indications the rows, one per procedure planned here
     * @param notPlannedHere the table's rows whose modality is not planned here
     */
    public record Table(String title, String source, String note, Map<String, String> categories, String grades,
            Map<String, String> verificationLevels, String prescriptionSource, List<GuidelineRow> indications,
            List<NotPlanned> notPlannedHere) {
    }

    /**
     * A row of the table whose modality OpenApheresis does not plan (LDL apheresis, for example).
     *
     * @param disease the fact sheet's disease
     * @param indication the indication column, or null
     * @param asfaModality the modality as the table gives it
     * @param category ASFA category
     * @param grade ASFA grade
     * @param page the fact sheet's page in the paper
     * @param verification what the row was checked against
     */
    public record NotPlanned(String disease, String indication, String asfaModality, String category, String grade,
            int page, Verification verification) {
    }

    /** The file's shape: fact sheets with their rows, then the collections and the rows not planned here. */
    record File(String title, String source, String note, Map<String, String> categories, String grades,
            String prescriptionSource, List<Sheet> sheets, List<Collection> collections,
            List<NotPlanned> notPlannedHere) {
    }

    /** A fact sheet: its disease, its page and its prescription box (null when none was transcribed). */
    record Sheet(String disease, int page, PrescriptionBox prescription, List<SheetRow> rows) {
    }

    /** A row as the file gives it, under its fact sheet. */
    record SheetRow(String id, String indication, String indicationNote, String asfaModality, String procedureType,
            String category, String grade, List<String> icd10, String icd10Source, Verification verification) {
    }

    /** A collection row (not an ASFA indication). */
    record Collection(String id, String indication, List<String> icd10, String procedureType, String category,
            String grade, String prescription, Verification verification) {
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
            return new Guidelines(table(m.readValue(in, File.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table table(File f) {
        List<GuidelineRow> rows = new ArrayList<>();
        for (Sheet s : f.sheets()) {
            String source = "ASFA 2023 (doi:10.1002/jca.22043) Table 1; fact sheet p." + s.page();
            String prescription = s.prescription() == null ? "no prescription box transcribed: see the fact sheet"
                    : s.prescription().text();
            for (SheetRow r : s.rows()) {
                String words = r.indication() == null || r.indication().equals(s.disease()) ? s.disease()
                        : s.disease() + ", " + r.indication();
                rows.add(check(new GuidelineRow(r.id(), s.disease(), words, r.indication(), r.indicationNote(),
                        r.asfaModality(), r.procedureType(), r.category(), r.grade(), r.icd10(), r.icd10Source(),
                        prescription, s.prescription(), source, r.verification())));
            }
        }
        for (Collection c : f.collections()) {
            if (c.category() != null || c.verification() != Verification.NOT_ASFA) {
                throw new IllegalStateException("collection row " + c.id() + " must have no category and be not-asfa");
            }
            rows.add(new GuidelineRow(c.id(), c.indication(), c.indication(), null, null, null, c.procedureType(), null,
                    null, c.icd10(), null, c.prescription(), null, "not in the ASFA table", c.verification()));
        }
        Set<String> ids = new HashSet<>();
        for (GuidelineRow r : rows) {
            if (!ids.add(r.id())) {
                throw new IllegalStateException("guideline row id " + r.id() + " is repeated");
            }
            if (ProcedureType.fromCode(r.procedureType()).isEmpty()) {
                throw new IllegalStateException("guideline row " + r.id() + " has unknown procedure " + r.procedureType());
            }
        }
        Map<String, String> levels = new LinkedHashMap<>();
        Arrays.stream(Verification.values()).forEach(v -> levels.put(v.toString(), v.meaning()));
        return new Table(f.title(), f.source(), f.note(), f.categories(), f.grades(), levels, f.prescriptionSource(),
                List.copyOf(rows), List.copyOf(f.notPlannedHere()));
    }

    private static GuidelineRow check(GuidelineRow r) {
        if (!CATEGORIES.contains(r.category()) || !GRADES.contains(r.grade())) {
            throw new IllegalStateException("guideline row " + r.id() + ": category " + r.category() + " grade "
                    + r.grade() + " is not an ASFA category I-IV and grade 1A-2C");
        }
        if (r.verification() == Verification.NOT_ASFA) {
            throw new IllegalStateException("guideline row " + r.id() + " is an ASFA row marked not-asfa");
        }
        return r;
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

    /**
     * The row whose ICD-10 prefix matches the code and whose procedure type matches: the longest matching prefix,
     * then the first in the table (rows without codes are never matched by code; the physician chooses them).
     */
    public Optional<GuidelineRow> match(String icd10, String procedureType) {
        String code = icd10.toUpperCase(Locale.ROOT);
        Comparator<GuidelineRow> longest = Comparator.comparingInt(r -> -longestPrefix(r, code));
        return rows().stream()
                .filter(r -> procedureType.equals(r.procedureType()))
                .filter(r -> longestPrefix(r, code) > 0)
                .min(longest);
    }

    private static int longestPrefix(GuidelineRow r, String code) {
        return r.icd10().stream().filter(code::startsWith).mapToInt(String::length).max().orElse(0);
    }

    /**
     * The guideline block stored with an order: the matched row with the table's source and note, or a note that
     * the table has no row.
     */
    public GuidelineMatch categoryFor(String icd10, String procedureType) {
        return match(icd10, procedureType).map(this::categoryFor)
                .orElseGet(() -> new GuidelineMatch(false, null, null, null, null, null, null, table.source(),
                        "no row of the table matches this ICD-10 code and procedure (most rows have no codes looked up: "
                                + "choose the row); consult the current ASFA guideline, which is authoritative",
                        null, null, null, null));
    }

    /** The order set of a row: its prescription box read into new-order fields, with the box's source. */
    public OrderSet orderSet(GuidelineRow r) {
        return OrderSets.of(r, table.prescriptionSource());
    }

    /** The guideline block of a row chosen by its id. */
    public GuidelineMatch categoryFor(GuidelineRow r) {
        return new GuidelineMatch(true, r.id(), r.indication(), r.category(), r.grade(), r.prescription(),
                r.verified(), table.source(), table.note(), r.asfaModality(), r.source(), r.verificationText(), null);
    }
}
