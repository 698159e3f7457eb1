package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 001, {@code =αppppyynnnnnnff} (ST-001 v6.2.2 §2.4.1): the 13-character {@link Din} and its two
 * {@link DinFlags flag characters}. The second character of the data identifier is the first character of the DIN.
 * Type 3 flags (60–96) must carry the DIN's own mod 37-2 check value, so a scan whose DIN was misread is refused.
 *
 * @param din the donation identification number
 * @param flags the flag characters; {@link DinFlags#NOT_USED} when none are used
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.1, Table 3 and Appendix A.2</a>
 */
public record DonationIdentificationNumber(Din din, DinFlags flags) implements DataStructure {

    /** Characters of the data content {@code αppppyynnnnnnff}. */
    public static final int CONTENT_LENGTH = Din.LENGTH + 2;

    public DonationIdentificationNumber {
        Objects.requireNonNull(din, "din");
        Objects.requireNonNull(flags, "flags");
        List<Problem> problems = new ArrayList<>();
        checkFlags(problems, "donationIdentificationNumber.flags", din, flags);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The DIN with flags {@code 00}. */
    public static DonationIdentificationNumber of(Din din) {
        return new DonationIdentificationNumber(din, DinFlags.NOT_USED);
    }

    /** The DIN with Type 3 flags carrying its check value (ST-001 Appendix A.2). */
    public static DonationIdentificationNumber withCheckFlags(Din din) {
        return new DonationIdentificationNumber(din, DinFlags.checkOf(din));
    }

    /** Reads {@code =αppppyynnnnnnff} at {@code start}; the caller checked that 16 characters are there. */
    static DonationIdentificationNumber parseAt(String field, String text, int start) {
        int content = start + 1;
        List<Problem> problems = new ArrayList<>();
        Din.characterProblems(problems, field, text, content);
        problems.addAll(DinFlags.problems(field, text, content + Din.LENGTH));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Din din = Din.parseAt(field, text, content);
        DinFlags flags = new DinFlags(text.substring(content + Din.LENGTH, content + CONTENT_LENGTH));
        checkFlags(problems, field, din, flags);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DonationIdentificationNumber(din, flags);
    }

    private static void checkFlags(List<Problem> problems, String field, Din din, DinFlags flags) {
        if (flags.kind() == DinFlags.Kind.CHECK && flags.checkValue().getAsInt() != din.checkValue()) {
            problems.add(Problem.of(field, MessageKey.FLAG_CHECK_MISMATCH, flags.code(), DinFlags.checkOf(din).code(),
                    din.value()));
        }
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.DONATION_IDENTIFICATION_NUMBER;
    }

    @Override
    public String dataContent() {
        return din.value() + flags.code();
    }

    @Override
    public String encode() {
        return "=" + dataContent();
    }
}
