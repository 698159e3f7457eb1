package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 040, Chain of Identity Identifier, {@code &/CHαppppyynnnnnn} (ST-001 v6.2.2 §2.4.40): the
 * identifier that links the collections and products of one patient's therapy (ICCBBA ST-028). It does not replace
 * the DIN of each collection.
 *
 * <p>ST-001 §7.5 requires a keyboard entry check character K wherever the identifier is printed as text; ST-028,
 * which says over which characters it is computed, was not read, so this record offers none (UNVERIFIED: compute
 * it only once ST-028 confirms the input string).
 *
 * @param facility the Facility Identification Number {@code αpppp} of the issuing organisation, with the character
 *     sets of the DIN's ({@link Din#facility()})
 * @param year2 the last two digits of the nominal year of issue, 0..99
 * @param sequence the six-character sequence number the issuing organisation assigned, {A–Z; 0–9}
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.40; ST-028</a>
 */
public record ChainOfIdentityIdentifier(String facility, int year2, String sequence) implements DataStructure {

    /** Characters of the data content {@code CHαppppyynnnnnn}. */
    public static final int CONTENT_LENGTH = 15;
    /** The literal that begins the data content. */
    public static final String LITERAL = "CH";

    public ChainOfIdentityIdentifier {
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(sequence, "sequence");
        List<Problem> problems = new ArrayList<>();
        if (facility.length() != Din.FACILITY_LENGTH) {
            problems.add(Problem.of("chainOfIdentityIdentifier.facility", MessageKey.WRONG_LENGTH, facility,
                    facility.length(), Din.FACILITY_LENGTH));
        } else {
            Din.facilityProblems(problems, "chainOfIdentityIdentifier.facility", facility, 0);
        }
        if (year2 < 0 || year2 > 99) {
            problems.add(Problem.of("chainOfIdentityIdentifier.year2", MessageKey.OUT_OF_RANGE, year2, 0, 99));
        }
        if (sequence.length() != 6) {
            problems.add(Problem.of("chainOfIdentityIdentifier.sequence", MessageKey.WRONG_LENGTH, sequence,
                    sequence.length(), 6));
        } else {
            CharSet.UPPER_OR_DIGIT.check(problems, "chainOfIdentityIdentifier.sequence", sequence, 0, 6,
                    "sequence number");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Reads {@code &/CHαppppyynnnnnn} at {@code start}; the caller checked that 17 characters are there. */
    static ChainOfIdentityIdentifier parseAt(String field, String text, int start) {
        int content = start + 2;
        List<Problem> problems = new ArrayList<>();
        String literal = text.substring(content, content + 2);
        if (!LITERAL.equals(literal)) {
            problems.add(Problem.of(field, MessageKey.NOT_ONE_OF, literal, LITERAL));
        }
        Din.facilityProblems(problems, field, text, content + 2);
        CharSet.DIGIT.check(problems, field, text, content + 7, content + 9, "nominal year");
        CharSet.UPPER_OR_DIGIT.check(problems, field, text, content + 9, content + CONTENT_LENGTH, "sequence number");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ChainOfIdentityIdentifier(text.substring(content + 2, content + 7),
                Digits.parse(text, content + 7, content + 9), text.substring(content + 9, content + CONTENT_LENGTH));
    }

    /** @return the 13 characters after {@code CH}, e.g. {@code A999925A1B2C3} */
    public String value() {
        return facility + Digits.pad(year2, 2) + sequence;
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.CHAIN_OF_IDENTITY_IDENTIFIER;
    }

    @Override
    public String dataContent() {
        return LITERAL + value();
    }

    @Override
    public String encode() {
        return "&/" + dataContent();
    }
}
