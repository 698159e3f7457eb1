package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 003, Product Code, {@code =<αooootds} (ST-001 v6.2.2 §2.4.3): the five-character Product
 * Description Code {@code αoooo}, whose meaning is in the licensed ICCBBA database (see
 * {@link ProductDescriptionTable}), and {@code tds}, read by the family {@code α} selects ({@link ProductFamily}):
 * <ul>
 *   <li>E, F, H, S, P, X0, YA–YZ: {@code t} the type of collection ({@link CollectionType}, Table 7), {@code ds}
 *       the division code, {@code d} {A–Z; 0–9} and {@code s} {a–z; 0–9}, {@code 00} undivided, {@code 99} when the
 *       divisions travel in Data Structure 032 ({@link ProductDivisions});</li>
 *   <li>M, N, R, T, V, W: a three-digit division or pack code, {@code 000} undivided;</li>
 *   <li>X1–X9: reserved, {@code 000};</li>
 *   <li>A–D (national, local): defined with the code; only the character sets of §2.4.3 are checked.</li>
 * </ul>
 * The unassigned ranges inside a family (e.g. M1000–M8999) are not checked here: the product description table
 * tells whether a code exists.
 *
 * @param descriptionCode the Product Description Code {@code αoooo}: α {A–Z} naming a family, then {A–Z; 0–9}
 * @param tds the last three characters
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.3, §2.4.32 and Table 7</a>
 */
public record ProductCode(String descriptionCode, String tds) implements DataStructure {

    /** Characters of the data content {@code αooootds}. */
    public static final int CONTENT_LENGTH = 8;
    /** Characters of a Product Description Code. */
    public static final int DESCRIPTION_CODE_LENGTH = 5;
    /** The division code of a product not divided, for families with a collection type. */
    public static final String UNDIVIDED = "00";
    /** The division code that sends the reader to Data Structure 032 (ST-001 §2.4.32). */
    public static final String DIVISIONS_IN_DATA_STRUCTURE_032 = "99";

    public ProductCode {
        Objects.requireNonNull(descriptionCode, "descriptionCode");
        Objects.requireNonNull(tds, "tds");
        String text = descriptionCode + tds;
        List<Problem> problems = new ArrayList<>();
        if (descriptionCode.length() != DESCRIPTION_CODE_LENGTH) {
            problems.add(Problem.of("productCode.descriptionCode", MessageKey.WRONG_LENGTH, descriptionCode,
                    descriptionCode.length(), DESCRIPTION_CODE_LENGTH));
        }
        if (tds.length() != 3) {
            problems.add(Problem.of("productCode.tds", MessageKey.WRONG_LENGTH, tds, tds.length(), 3));
        }
        if (problems.isEmpty()) {
            problems.addAll(problems("productCode", text, 0));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * A product code of a family with a type of collection (E, F, H, S, P, X0, YA–YZ).
     *
     * @param division the two-character division code, {@link #UNDIVIDED} when not divided
     */
    public static ProductCode of(String descriptionCode, CollectionType collectionType, String division) {
        return new ProductCode(descriptionCode, collectionType.code() + division);
    }

    /** Reads {@code =<αooootds} at {@code start}; the caller checked that 10 characters are there. */
    static ProductCode parseAt(String field, String text, int start) {
        int content = start + 2;
        List<Problem> problems = problems(field, text, content);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProductCode(text.substring(content, content + DESCRIPTION_CODE_LENGTH),
                text.substring(content + DESCRIPTION_CODE_LENGTH, content + CONTENT_LENGTH));
    }

    /** Problems with the eight characters {@code αooootds} at {@code start}; positions count in the text. */
    static List<Problem> problems(String field, String text, int start) {
        List<Problem> problems = descriptionCodeProblems(field, text, start);
        if (!problems.isEmpty()) {
            return problems;
        }
        String code = text.substring(start, start + DESCRIPTION_CODE_LENGTH);
        int t = start + DESCRIPTION_CODE_LENGTH;
        switch (ProductFamily.of(code.charAt(0)).orElseThrow().tdsLayout(code)) {
            case COLLECTION_TYPE_AND_DIVISION -> {
                CharSet.ANY_ALPHANUMERIC.check(problems, field, text, t, t + 1, "type of collection");
                CharSet.UPPER_OR_DIGIT.check(problems, field, text, t + 1, t + 2, "division code");
                CharSet.LOWER_OR_DIGIT.check(problems, field, text, t + 2, t + 3, "division code");
                char type = text.charAt(t);
                if (problems.isEmpty() && CollectionType.of(type).isEmpty()) {
                    problems.add(Problem.of(field, MessageKey.UNKNOWN_COLLECTION_TYPE, String.valueOf(type)));
                }
            }
            case THREE_DIGIT_DIVISION -> CharSet.DIGIT.check(problems, field, text, t, t + 3, "division or pack code");
            case RESERVED_ZEROS -> {
                String tds = text.substring(t, t + 3);
                if (!"000".equals(tds)) {
                    problems.add(Problem.of(field, MessageKey.NOT_ONE_OF, tds, "000"));
                }
            }
            case NATIONALLY_DEFINED -> {
                CharSet.ANY_ALPHANUMERIC.check(problems, field, text, t, t + 1, "nationally defined t");
                CharSet.UPPER_OR_DIGIT.check(problems, field, text, t + 1, t + 2, "nationally defined d");
                CharSet.LOWER_OR_DIGIT.check(problems, field, text, t + 2, t + 3, "nationally defined s");
            }
        }
        return problems;
    }

    /**
     * Problems with a five-character Product Description Code at {@code start}: α {A–Z} of a known family, then
     * {A–Z; 0–9}; after X a digit (X0, X1–X9), after Y a letter (YA–YZ), as ST-001 §2.4.3 assigns them.
     */
    static List<Problem> descriptionCodeProblems(String field, String text, int start) {
        List<Problem> problems = new ArrayList<>();
        CharSet.UPPER.check(problems, field, text, start, start + 1, "product family character");
        CharSet.UPPER_OR_DIGIT.check(problems, field, text, start + 1, start + DESCRIPTION_CODE_LENGTH,
                "product description code");
        if (!problems.isEmpty()) {
            return problems;
        }
        char alpha = text.charAt(start);
        Optional<ProductFamily> family = ProductFamily.of(alpha);
        if (family.isEmpty()) {
            problems.add(Problem.of(field, MessageKey.UNKNOWN_PRODUCT_FAMILY, String.valueOf(alpha)));
        } else if (alpha == 'X') {
            CharSet.DIGIT.check(problems, field, text, start + 1, start + 2, "plasma derivative or diagnostic code");
        } else if (alpha == 'Y') {
            CharSet.UPPER.check(problems, field, text, start + 1, start + 2, "clinical trials code");
        }
        return problems;
    }

    /** @return the family the first character selects */
    public ProductFamily family() {
        return ProductFamily.of(descriptionCode.charAt(0)).orElseThrow();
    }

    /** @return how {@link #tds()} is read */
    public ProductFamily.TdsLayout tdsLayout() {
        return family().tdsLayout(descriptionCode);
    }

    /** @return the type of collection, for families that carry one */
    public Optional<CollectionType> collectionType() {
        return tdsLayout() == ProductFamily.TdsLayout.COLLECTION_TYPE_AND_DIVISION
                ? CollectionType.of(tds.charAt(0)) : Optional.empty();
    }

    /**
     * @return the division code: {@code ds} for families with a type of collection, all of {@code tds} for those
     *     with a three-digit division; empty for X1–X9 and national or local codes, where ST-001 defines none
     */
    public Optional<String> divisionCode() {
        return switch (tdsLayout()) {
            case COLLECTION_TYPE_AND_DIVISION -> Optional.of(tds.substring(1));
            case THREE_DIGIT_DIVISION -> Optional.of(tds);
            case RESERVED_ZEROS, NATIONALLY_DEFINED -> Optional.empty();
        };
    }

    /** @return whether the division code says the product is not divided ({@code 00} or {@code 000}) */
    public boolean undivided() {
        return divisionCode().map(d -> d.chars().allMatch(c -> c == '0')).orElse(false);
    }

    /**
     * @return whether the division code is {@code 99}, so the divisions must be read from Data Structure 032
     *     (ST-001 §2.4.32: software shall then require the Product Divisions data structure)
     */
    public boolean divisionsInDataStructure032() {
        return tdsLayout() == ProductFamily.TdsLayout.COLLECTION_TYPE_AND_DIVISION
                && DIVISIONS_IN_DATA_STRUCTURE_032.equals(tds.substring(1));
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.PRODUCT_CODE;
    }

    @Override
    public String dataContent() {
        return descriptionCode + tds;
    }

    @Override
    public String encode() {
        return "=<" + dataContent();
    }
}
