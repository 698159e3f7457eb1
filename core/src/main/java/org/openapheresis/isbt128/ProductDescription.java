package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * One row of a product description table: what a five-character ISBT 128 Product Description Code means
 * (ST-001 v6.2.2 §5.1). The meanings are ICCBBA's licensed data, loaded by the unit ({@link ProductDescriptionTable}).
 *
 * @param code the Product Description Code {@code αoooo} (ST-001 §2.4.3), e.g. {@code S1128}
 * @param name the description as the table's source publishes it, e.g. {@code HPC, APHERESIS/Citrate/XX/refg/Mobilized}
 * @param example true for an illustrative row that is not a code ICCBBA assigned; never label a product with it
 * @param source where the row comes from (the licensed database and its version, or a public listing)
 */
public record ProductDescription(String code, String name, boolean example, String source) {

    public ProductDescription {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        List<Problem> problems = problems("productDescription", code, name, source);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Problems with a row's values; the code's positions count within the code. */
    static List<Problem> problems(String field, String code, String name, String source) {
        List<Problem> problems = new ArrayList<>();
        if (code.length() != ProductCode.DESCRIPTION_CODE_LENGTH) {
            problems.add(Problem.of(field + ".code", MessageKey.WRONG_LENGTH, code, code.length(),
                    ProductCode.DESCRIPTION_CODE_LENGTH));
        } else {
            problems.addAll(ProductCode.descriptionCodeProblems(field + ".code", code, 0));
        }
        if (name.isBlank()) {
            problems.add(Problem.of(field + ".name", MessageKey.BLANK));
        }
        if (source.isBlank()) {
            problems.add(Problem.of(field + ".source", MessageKey.BLANK));
        }
        return problems;
    }

    /** @return the product family the code's first character selects */
    public ProductFamily family() {
        return ProductFamily.of(code.charAt(0)).orElseThrow();
    }
}
