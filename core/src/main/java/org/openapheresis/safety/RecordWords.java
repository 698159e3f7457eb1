package org.openapheresis.safety;

import java.util.Locale;

/**
 * How a candidacy rule finds a word in what the record says (an allergy, a condition): whole, in any case, so
 * "sle" is found in "SLE (2009)" and not in "measles", and "apl" not in "applied".
 */
final class RecordWords {

    private RecordWords() {
    }

    /** True when the text names the word, whole, in any case. */
    static boolean names(String text, String word) {
        String t = text.toLowerCase(Locale.ROOT);
        int i = t.indexOf(word);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1));
            int end = i + word.length();
            boolean after = end == t.length() || !Character.isLetterOrDigit(t.charAt(end));
            if (before && after) {
                return true;
            }
            i = t.indexOf(word, i + 1);
        }
        return false;
    }
}
