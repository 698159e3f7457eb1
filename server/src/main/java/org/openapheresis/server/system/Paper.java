package org.openapheresis.server.system;

import java.util.Locale;
import java.util.Optional;

/**
 * The paper a printed document is laid out on: ISO 216 A4 (most units) or ANSI US Letter (units in North America).
 * The document's text is laid out for the paper's width, so nothing is cut at either size.
 */
public enum Paper {
    /** ISO 216 A4, 210 × 297 mm. */
    A4("a4", 210, 297),
    /** ANSI A, US Letter, 8.5 × 11 in (215.9 × 279.4 mm). */
    LETTER("letter", 8.5 * 25.4, 11 * 25.4);

    private final String code;
    private final double widthMm;
    private final double heightMm;

    Paper(String code, double widthMm, double heightMm) {
        this.code = code;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /** @return the code a query names it by: {@code a4} or {@code letter} */
    public String code() {
        return code;
    }

    /** @return the page's width, mm */
    public double widthMm() {
        return widthMm;
    }

    /** @return the page's height, mm */
    public double heightMm() {
        return heightMm;
    }

    /** The paper with this code (any case), if there is one. */
    public static Optional<Paper> ofCode(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        for (Paper p : values()) {
            if (p.code.equals(c)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
