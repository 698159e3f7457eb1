package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The product description codes a unit knows, read from text lines the caller supplies (the core does no I/O).
 * ICCBBA licenses the ISBT 128 Product Description Code database (ST-001 v6.2.2 §5.1); the unit exports its licensed
 * copy to this format and loads it, so codes are data, never code. The core ships only a sample of publicly listed
 * codes, {@code isbt128/product-descriptions-sample.csv}, which is not the licensed table.
 *
 * <p>Format: UTF-8 lines; blank lines and lines beginning with {@code #} are ignored; the first other line is the
 * header {@value #HEADER}; each further line has those four comma-separated fields, a field in double quotes may
 * hold commas and doubled quotes ({@code ""}). {@code example} is {@code yes} or {@code no}. Every problem of every
 * line is reported at once, each under {@code field[line]}, the line counted from 1.
 *
 * @param name what the table is, for messages and the record of a lookup (e.g. the database version)
 * @param descriptions the rows by code, in the order of the text
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §5.1</a>
 */
public record ProductDescriptionTable(String name, Map<String, ProductDescription> descriptions) {

    /** The header line. */
    public static final String HEADER = "code,name,example,source";
    private static final int COLUMNS = 4;

    public ProductDescriptionTable {
        Objects.requireNonNull(name, "name");
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        for (Map.Entry<String, ProductDescription> e : descriptions.entrySet()) {
            if (!e.getKey().equals(e.getValue().code())) {
                throw new IllegalArgumentException("key " + e.getKey() + " holds the row of " + e.getValue().code());
            }
        }
    }

    /**
     * Reads a table from its lines.
     *
     * @param field the field or file the lines came from, e.g. {@code productDescriptions}
     * @param name what the table is, e.g. {@code ISBT 128 Product Description Code Database v7.60}
     * @throws InvalidInputException with every problem found: missing header, wrong number of fields, unclosed
     *     quotes, invalid codes, blank names or sources, {@code example} not yes or no, codes that appear twice
     */
    public static ProductDescriptionTable parse(String field, String name, List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        List<Problem> problems = new ArrayList<>();
        Map<String, ProductDescription> rows = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String at = field + "[" + (i + 1) + "]";
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!HEADER.equals(line.strip())) {
                    problems.add(Problem.of(at, MessageKey.TABLE_HEADER_EXPECTED, HEADER));
                    break;
                }
                headerSeen = true;
                continue;
            }
            Optional<List<String>> fields = split(line);
            if (fields.isEmpty()) {
                problems.add(Problem.of(at, MessageKey.TABLE_QUOTE_UNTERMINATED));
                continue;
            }
            List<String> f = fields.get();
            if (f.size() != COLUMNS) {
                problems.add(Problem.of(at, MessageKey.TABLE_FIELD_COUNT, f.size(), COLUMNS, HEADER));
                continue;
            }
            String code = f.get(0).strip();
            String example = f.get(2).strip();
            List<Problem> rowProblems = ProductDescription.problems(at, code, f.get(1).strip(), f.get(3).strip());
            if (!"yes".equals(example) && !"no".equals(example)) {
                rowProblems.add(Problem.of(at + ".example", MessageKey.NOT_ONE_OF, example, "yes, no"));
            }
            if (firstLine.containsKey(code)) {
                rowProblems.add(Problem.of(at + ".code", MessageKey.DUPLICATE_CODE, code, firstLine.get(code)));
            }
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
                continue;
            }
            firstLine.put(code, i + 1);
            rows.put(code, new ProductDescription(code, f.get(1).strip(), "yes".equals(example), f.get(3).strip()));
        }
        if (!headerSeen && problems.isEmpty()) {
            problems.add(Problem.of(field, MessageKey.TABLE_HEADER_EXPECTED, HEADER));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProductDescriptionTable(name, rows);
    }

    /** @return the row of a Product Description Code, if the table has it */
    public Optional<ProductDescription> find(String code) {
        return Optional.ofNullable(descriptions.get(code));
    }

    /**
     * @param field the field the code came from
     * @return the row of a Product Description Code
     * @throws InvalidInputException {@code UNKNOWN_PRODUCT_CODE} when the table does not have it
     */
    public ProductDescription lookup(String field, String code) {
        return find(code).orElseThrow(() -> InvalidInputException.of(field, MessageKey.UNKNOWN_PRODUCT_CODE, code, name));
    }

    /** @return the row of a Product Code's description code; see {@link #lookup(String, String)} */
    public ProductDescription lookup(String field, ProductCode productCode) {
        return lookup(field, productCode.descriptionCode());
    }

    /** Splits one line into fields; empty when a quoted field is not closed. */
    private static Optional<List<String>> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(current.toString());
        return Optional.of(fields);
    }
}
