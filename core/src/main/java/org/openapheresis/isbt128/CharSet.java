package org.openapheresis.isbt128;

import java.util.List;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The character sets ST-001 v6.2.2 gives for the elements of its data structures (the "Type" column of each
 * element table in §2.4), as the set allowed and its description for error messages.
 */
enum CharSet {
    /** First character of a Facility Identification Number, {A–N; P–Z; 1–9} (ST-001 §2.4.1). */
    FIN_FIRST("A-N, P-Z, 1-9") {
        @Override
        boolean allows(char c) {
            return (c >= 'A' && c <= 'Z' && c != 'O') || (c >= '1' && c <= '9');
        }
    },
    /** Second and third characters of a Facility Identification Number, {A–N; P–Z; 0–9} (ST-001 §2.4.1). */
    FIN_MIDDLE("A-N, P-Z, 0-9") {
        @Override
        boolean allows(char c) {
            return (c >= 'A' && c <= 'Z' && c != 'O') || isDigit(c);
        }
    },
    /** Numeric, {0–9}. */
    DIGIT("0-9") {
        @Override
        boolean allows(char c) {
            return isDigit(c);
        }
    },
    /** Upper-case alphabetic, {A–Z}. */
    UPPER("A-Z") {
        @Override
        boolean allows(char c) {
            return c >= 'A' && c <= 'Z';
        }
    },
    /** Upper-case alphanumeric, {A–Z; 0–9}. */
    UPPER_OR_DIGIT("A-Z, 0-9") {
        @Override
        boolean allows(char c) {
            return (c >= 'A' && c <= 'Z') || isDigit(c);
        }
    },
    /** Lower-case alphanumeric, {a–z; 0–9}. */
    LOWER_OR_DIGIT("a-z, 0-9") {
        @Override
        boolean allows(char c) {
            return (c >= 'a' && c <= 'z') || isDigit(c);
        }
    },
    /** Alphanumeric of either case, {A–Z; a–z; 0–9}. */
    ANY_ALPHANUMERIC("A-Z, a-z, 0-9") {
        @Override
        boolean allows(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c);
        }
    },
    /** DIN flag characters, {0–9; A–H; J–N; P; R–Y} (ST-001 §2.4.1). */
    FLAG("0-9, A-H, J-N, P, R-Y") {
        @Override
        boolean allows(char c) {
            return isDigit(c) || (c >= 'A' && c <= 'Y' && c != 'I' && c != 'O' && c != 'Q');
        }
    };

    private final String description;

    CharSet(String description) {
        this.description = description;
    }

    /** @return whether the set holds the character */
    abstract boolean allows(char c);

    /** @return the set as shown in an error, e.g. {@code A-N, P-Z, 1-9} */
    String description() {
        return description;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Adds a problem for every character of {@code text[from, to)} outside this set.
     *
     * @param problems where the problems go
     * @param field the field the text came from
     * @param text the whole text the caller gave, so that positions count from its first character
     * @param from index of the element's first character
     * @param to index after the element's last character
     * @param element the element's name, e.g. {@code facility identification number}
     */
    void check(List<Problem> problems, String field, String text, int from, int to, String element) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!allows(c)) {
                problems.add(Problem.of(field, MessageKey.CHARACTER_NOT_ALLOWED, String.valueOf(c), i + 1, element,
                        description));
            }
        }
    }
}
