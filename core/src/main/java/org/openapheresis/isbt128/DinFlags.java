package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The two flag characters {@code ff} that follow the DIN in Data Structure 001 (ST-001 v6.2.2 §2.4.1, Table 3
 * [RT004]). They are not part of the DIN. Values ST-001 reserves for future assignment (14, 97–99 and every value
 * with a letter) are refused.
 *
 * @param code the two characters, e.g. {@code 00}, {@code 02}, {@code 70}
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.1 and Table 3</a>
 */
public record DinFlags(String code) {

    /** What a flag value means (ST-001 Table 3). */
    public enum Kind {
        /** 00: flags not used. */
        NOT_USED,
        /** 01–04 and 15–19: container 1–4 and 5–9 of a set. */
        CONTAINER_OF_SET,
        /** 05: second (or repeated) demand-printed label. */
        REPEATED_DEMAND_PRINTED_LABEL,
        /** 06: pilot tube label. */
        PILOT_TUBE,
        /** 07: test tube label. */
        TEST_TUBE,
        /** 08: donor record label. */
        DONOR_RECORD,
        /** 09: sample tube for NAT testing. */
        NAT_SAMPLE_TUBE,
        /** 10: samples for bacterial testing. */
        BACTERIAL_TESTING_SAMPLE,
        /** 11: match with unit label. */
        MATCH_WITH_UNIT,
        /** 12: affixed partial label. */
        AFFIXED_PARTIAL_LABEL,
        /** 13: attached label, used with an affixed partial label. */
        ATTACHED_LABEL,
        /** 20–59: Type 2, defined by the local facility; not to be interpreted at any other site. */
        LOCAL,
        /** 60–96: Type 3, 60 plus the ISO/IEC 7064 mod 37-2 check value of the 13-character DIN. */
        CHECK
    }

    /** Flags not used, {@code 00}. */
    public static final DinFlags NOT_USED = new DinFlags("00");

    /** The Type 3 flag value for check value 0. */
    public static final int CHECK_OFFSET = 60;

    public DinFlags {
        Objects.requireNonNull(code, "code");
        List<Problem> problems = problems("dinFlags.code", code, 0);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Reads two flag characters.
     *
     * @param field the field the text came from, named in every problem
     */
    public static DinFlags parse(String field, String text) {
        if (text == null) {
            throw InvalidInputException.of(field, MessageKey.REQUIRED);
        }
        if (text.length() != 2) {
            throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text, text.length(), 2);
        }
        List<Problem> problems = problems(field, text, 0);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DinFlags(text);
    }

    /** @return the Type 3 flags that carry the check value of this DIN, 60 + the check value */
    public static DinFlags checkOf(Din din) {
        return new DinFlags(Digits.pad(CHECK_OFFSET + din.checkValue(), 2));
    }

    /** @return the flags for container 1..9 of a set (01–04, then 15–19) */
    public static DinFlags container(int number) {
        if (number < 1 || number > 9) {
            throw InvalidInputException.of("dinFlags.container", MessageKey.OUT_OF_RANGE, number, 1, 9);
        }
        return new DinFlags(Digits.pad(number <= 4 ? number : number + 10, 2));
    }

    /** Problems with the two flag characters at {@code start} of the text; positions count in that text. */
    static List<Problem> problems(String field, String text, int start) {
        List<Problem> problems = new ArrayList<>();
        if (text.length() - start < 2) {
            problems.add(Problem.of(field, MessageKey.WRONG_LENGTH, text.substring(start), text.length() - start, 2));
            return problems;
        }
        CharSet.FLAG.check(problems, field, text, start, start + 2, "flag characters");
        if (!problems.isEmpty()) {
            return problems;
        }
        String ff = text.substring(start, start + 2);
        boolean numeric = CharSet.DIGIT.allows(ff.charAt(0)) && CharSet.DIGIT.allows(ff.charAt(1));
        if (!numeric || kindOf(Digits.parse(ff, 0, 2)).isEmpty()) {
            problems.add(Problem.of(field, MessageKey.RESERVED_VALUE, ff, "flag characters"));
        }
        return problems;
    }

    /** @return the numeric value 0..96 */
    public int value() {
        return Digits.parse(code, 0, 2);
    }

    /** @return what the flags mean */
    public Kind kind() {
        return kindOf(value()).orElseThrow();
    }

    /** @return the container number 1..9 for flags 01–04 and 15–19, otherwise empty */
    public OptionalInt containerNumber() {
        int v = value();
        if (v >= 1 && v <= 4) {
            return OptionalInt.of(v);
        }
        if (v >= 15 && v <= 19) {
            return OptionalInt.of(v - 10);
        }
        return OptionalInt.empty();
    }

    /** @return the mod 37-2 check value 0..36 that Type 3 flags carry, otherwise empty */
    public OptionalInt checkValue() {
        return kind() == Kind.CHECK ? OptionalInt.of(value() - CHECK_OFFSET) : OptionalInt.empty();
    }

    /** The meaning of a numeric flag value, empty for one ST-001 reserves (14, 97–99). */
    private static Optional<Kind> kindOf(int v) {
        if (v == 0) {
            return Optional.of(Kind.NOT_USED);
        }
        if ((v >= 1 && v <= 4) || (v >= 15 && v <= 19)) {
            return Optional.of(Kind.CONTAINER_OF_SET);
        }
        if (v >= 20 && v <= 59) {
            return Optional.of(Kind.LOCAL);
        }
        if (v >= CHECK_OFFSET && v <= CHECK_OFFSET + Mod37_2.MODULUS - 1) {
            return Optional.of(Kind.CHECK);
        }
        return Optional.ofNullable(switch (v) {
            case 5 -> Kind.REPEATED_DEMAND_PRINTED_LABEL;
            case 6 -> Kind.PILOT_TUBE;
            case 7 -> Kind.TEST_TUBE;
            case 8 -> Kind.DONOR_RECORD;
            case 9 -> Kind.NAT_SAMPLE_TUBE;
            case 10 -> Kind.BACTERIAL_TESTING_SAMPLE;
            case 11 -> Kind.MATCH_WITH_UNIT;
            case 12 -> Kind.AFFIXED_PARTIAL_LABEL;
            case 13 -> Kind.ATTACHED_LABEL;
            default -> null;
        });
    }
}
