package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The 13-character ISBT 128 Donation Identification Number {@code αppppyynnnnnn} (ST-001 v6.2.2 §2.4.1): the
 * unique identification of a donation event, a pool or an aliquot, unique worldwide for one hundred years. The flag
 * characters and the check character are not part of it (see {@link DonationIdentificationNumber} and
 * {@link #checkCharacter()}).
 *
 * @param facility the Facility Identification Number {@code αpppp} of the organisation that assigned the DIN: first
 *     character {A–N; P–Z; 1–9}, second and third {A–N; P–Z; 0–9}, fourth and fifth {0–9} (current usage is
 *     numeric for all four after the first)
 * @param year2 the last two digits of the nominal year in which the DIN was assigned, 0..99
 * @param sequence the sequence number within the nominal year for the facility, 0..999999
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.1, §7.4.1, §7.5 and Appendix A</a>
 */
public record Din(String facility, int year2, int sequence) {

    /** Characters of a DIN. */
    public static final int LENGTH = 13;
    /** Characters of a Facility Identification Number. */
    public static final int FACILITY_LENGTH = 5;
    /** Largest sequence number, six digits. */
    public static final int MAX_SEQUENCE = 999_999;

    public Din {
        Objects.requireNonNull(facility, "facility");
        List<Problem> problems = new ArrayList<>();
        finProblems(problems, "din.facility", facility);
        if (year2 < 0 || year2 > 99) {
            problems.add(Problem.of("din.year2", MessageKey.OUT_OF_RANGE, year2, 0, 99));
        }
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            problems.add(Problem.of("din.sequence", MessageKey.OUT_OF_RANGE, sequence, 0, MAX_SEQUENCE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A DIN from its parts. */
    public static Din of(String facility, int year2, int sequence) {
        return new Din(facility, year2, sequence);
    }

    /**
     * Reads the 13-character DIN, with no spaces, data identifier, flags or check character.
     *
     * @param field the field the text came from, named in every problem
     * @throws InvalidInputException for text of the wrong length or with a character its position does not allow
     */
    public static Din parse(String field, String text) {
        requireText(field, text);
        if (text.length() != LENGTH) {
            throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text, text.length(), LENGTH);
        }
        return parseAt(field, text, 0);
    }

    /**
     * Reads the DIN as printed for people (ST-001 §7.4.1 and §7.5.1.1): its 13 characters in any grouping by spaces
     * (e.g. {@code G1234 17 654321} or the national {@code G123 498 654 321}), followed by the keyboard entry check
     * character K, which is verified. K may be written in brackets for its box ({@code [A]}). Printed Type 1 or 2 flag
     * characters between the DIN and K ({@code W0000 09 123456 02 G}) are read and checked as flags (Type 3 flags,
     * which ST-001 says are not printed, must still carry the DIN's check), then dropped: they are not part of the
     * DIN, and only the bar code tells which flags a label carries.
     *
     * @param field the field the text came from, named in every problem
     * @throws InvalidInputException for the wrong number of characters, a character not allowed, or a check
     *     character that does not match
     */
    public static Din parsePrinted(String field, String text) {
        requireText(field, text);
        StringBuilder compact = new StringBuilder();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '[' || c == ']') {
                continue;
            }
            compact.append(c);
            positions.add(i);
        }
        int n = compact.length();
        if (n != LENGTH + 1 && n != LENGTH + 3) {
            throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text, n,
                    (LENGTH + 1) + " (DIN and check character) or " + (LENGTH + 3) + " (DIN, flags and check character)"
                            + " without spaces");
        }
        List<Problem> problems = new ArrayList<>();
        String din = compact.substring(0, LENGTH);
        characterProblems(problems, field, din, 0);
        if (n == LENGTH + 3) {
            CharSet.FLAG.check(problems, field, compact.toString(), LENGTH, LENGTH + 2, "flag characters");
        }
        char given = compact.charAt(n - 1);
        if (Mod37_2.ALPHABET.indexOf(given) < 0) {
            problems.add(Problem.of(field, MessageKey.CHARACTER_NOT_ALLOWED, String.valueOf(given), n,
                    "check character", "0-9, A-Z, *"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(renumber(problems, positions));
        }
        Din parsed = fromValidText(din);
        if (n == LENGTH + 3) {
            DinFlags flags = DinFlags.parse(field, compact.substring(LENGTH, LENGTH + 2));
            if (flags.kind() == DinFlags.Kind.CHECK && flags.checkValue().getAsInt() != parsed.checkValue()) {
                throw InvalidInputException.of(field, MessageKey.FLAG_CHECK_MISMATCH, flags.code(),
                        DinFlags.checkOf(parsed).code(), parsed.value());
            }
        }
        if (given != parsed.checkCharacter()) {
            throw InvalidInputException.of(field, MessageKey.CHECK_CHARACTER_MISMATCH, String.valueOf(given),
                    String.valueOf(parsed.checkCharacter()), parsed.value());
        }
        return parsed;
    }

    /** Reads a DIN at {@code start} of a longer text whose length the caller checked; positions count in that text. */
    static Din parseAt(String field, String text, int start) {
        List<Problem> problems = new ArrayList<>();
        characterProblems(problems, field, text, start);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return fromValidText(text.substring(start, start + LENGTH));
    }

    /** @return the 13 characters, e.g. {@code G123417654321} */
    public String value() {
        return facility + Digits.pad(year2, 2) + Digits.pad(sequence, 6);
    }

    /** @return the ISO/IEC 7064 mod 37-2 check value of the 13 characters, 0..36 (ST-001 Appendix A.1) */
    public int checkValue() {
        return Mod37_2.checkValue(value());
    }

    /** @return the keyboard entry check character K, printed in a box beside the DIN (ST-001 §7.5) */
    public char checkCharacter() {
        return Mod37_2.character(checkValue());
    }

    /**
     * @return the eye-readable form: facility, year, sequence and K separated by spaces, e.g.
     *     {@code G1234 17 654321 A} (ST-001 §7.5.1.1; the label draws a box around K, which text cannot)
     */
    public String printed() {
        return facility + " " + Digits.pad(year2, 2) + " " + Digits.pad(sequence, 6) + " " + checkCharacter();
    }

    /** @return {@link #printed()} */
    @Override
    public String toString() {
        return printed();
    }

    /**
     * Checks a facility identification number on its own (five characters, each one its position allows), as a unit
     * enters its FIN.
     *
     * @param field the field the text came from, named in every problem
     * @throws InvalidInputException naming {@code field} for the wrong length or a character not allowed
     */
    public static void requireFin(String field, String fin) {
        List<Problem> problems = new ArrayList<>();
        finProblems(problems, field, fin);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Adds a problem for a FIN of the wrong length, or for every character of it not allowed. */
    private static void finProblems(List<Problem> problems, String field, String fin) {
        if (fin.length() != FACILITY_LENGTH) {
            problems.add(Problem.of(field, MessageKey.WRONG_LENGTH, fin, fin.length(), FACILITY_LENGTH));
        } else {
            facilityProblems(problems, field, fin, 0);
        }
    }

    /** Adds a problem for every character of the facility identification number at {@code start} not allowed. */
    static void facilityProblems(List<Problem> problems, String field, String text, int start) {
        String element = "facility identification number";
        CharSet.FIN_FIRST.check(problems, field, text, start, start + 1, element);
        CharSet.FIN_MIDDLE.check(problems, field, text, start + 1, start + 3, element);
        CharSet.DIGIT.check(problems, field, text, start + 3, start + FACILITY_LENGTH, element);
    }

    /** Adds a problem for every character of the 13-character DIN at {@code start} not allowed. */
    static void characterProblems(List<Problem> problems, String field, String text, int start) {
        facilityProblems(problems, field, text, start);
        CharSet.DIGIT.check(problems, field, text, start + 5, start + 7, "nominal year");
        CharSet.DIGIT.check(problems, field, text, start + 7, start + LENGTH, "sequence number");
    }

    private static Din fromValidText(String din) {
        return new Din(din.substring(0, FACILITY_LENGTH), Digits.parse(din, 5, 7), Digits.parse(din, 7, LENGTH));
    }

    private static void requireText(String field, String text) {
        if (text == null) {
            throw InvalidInputException.of(field, MessageKey.REQUIRED);
        }
    }

    /** Problems found in the text without spaces, with positions turned back into positions of the text given. */
    private static List<Problem> renumber(List<Problem> problems, List<Integer> positions) {
        List<Problem> renumbered = new ArrayList<>();
        for (Problem p : problems) {
            if (p.key() == MessageKey.CHARACTER_NOT_ALLOWED) {
                List<Object> params = new ArrayList<>(p.params());
                params.set(1, positions.get((Integer) params.get(1) - 1) + 1);
                renumbered.add(new Problem(p.field(), p.key(), params));
            } else {
                renumbered.add(p);
            }
        }
        return renumbered;
    }
}
