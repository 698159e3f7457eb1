package org.openapheresis.server.product.label;

import java.util.List;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** The checks every printed text of a label passes: present, not blank, short enough to fit, no control characters. */
final class LabelText {

    private LabelText() {
    }

    /**
     * Adds the problems of a required text to {@code problems}.
     *
     * @return whether the text passed
     */
    static boolean check(List<Problem> problems, String field, String text, int maxLength) {
        if (text == null) {
            problems.add(Problem.of(field, MessageKey.REQUIRED));
            return false;
        }
        if (text.isBlank()) {
            problems.add(Problem.of(field, MessageKey.BLANK));
            return false;
        }
        if (text.length() > maxLength) {
            problems.add(Problem.of(field, MessageKey.TOO_LONG, maxLength));
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                problems.add(Problem.of(field, MessageKey.INVALID_CHARACTER, String.format("U+%04X", (int) c), i + 1));
                return false;
            }
        }
        return true;
    }
}
