package org.openapheresis.isbt128;

/** Fixed-width ASCII digits for the numeric elements of ISBT 128 data structures, independent of the locale. */
final class Digits {

    private Digits() {
    }

    /**
     * @return the value as exactly {@code width} ASCII digits, zero-padded on the left
     * @throws IllegalArgumentException for a negative value or one that needs more digits; callers validate first
     */
    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** @return the value of ASCII digits the caller has validated */
    static int parse(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ASCII digit: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
