package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 032, Product Divisions, {@code =,dddddd} (ST-001 v6.2.2 §2.4.32): the division of a product whose
 * Product Code carries {@code 99} in its 7th and 8th positions ({@link ProductCode#divisionsInDataStructure032()}),
 * used today with cellular therapy (S) and regenerated tissue (P) codes. Digits count up to 999,999 divisions of one
 * level; letters in three pairs {@code AA}–{@code ZZ} give up to three levels. Unique for a Product Code and DIN,
 * and essential for traceability: record it with both.
 *
 * @param code the six characters {A–Z; 0–9}
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.32</a>
 */
public record ProductDivisions(String code) implements DataStructure {

    /** Characters of the data content {@code dddddd}. */
    public static final int CONTENT_LENGTH = 6;

    public ProductDivisions {
        Objects.requireNonNull(code, "code");
        List<Problem> problems = new ArrayList<>();
        if (code.length() != CONTENT_LENGTH) {
            problems.add(Problem.of("productDivisions.code", MessageKey.WRONG_LENGTH, code, code.length(),
                    CONTENT_LENGTH));
        } else {
            CharSet.UPPER_OR_DIGIT.check(problems, "productDivisions.code", code, 0, CONTENT_LENGTH,
                    "product divisions code");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Reads {@code =,dddddd} at {@code start}; the caller checked that 8 characters are there. */
    static ProductDivisions parseAt(String field, String text, int start) {
        int content = start + 2;
        List<Problem> problems = new ArrayList<>();
        CharSet.UPPER_OR_DIGIT.check(problems, field, text, content, content + CONTENT_LENGTH,
                "product divisions code");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProductDivisions(text.substring(content, content + CONTENT_LENGTH));
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.PRODUCT_DIVISIONS;
    }

    @Override
    public String dataContent() {
        return code;
    }

    @Override
    public String encode() {
        return "=," + code;
    }
}
