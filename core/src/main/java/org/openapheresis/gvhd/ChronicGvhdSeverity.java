package org.openapheresis.gvhd;

import java.util.Arrays;
import java.util.Optional;

/**
 * The global severity of chronic GVHD by the NIH 2014 consensus (Jagasia 2015), ordered from none to severe.
 * {@link #NONE} is not an NIH category: it is the project's word for an assessment at which no organ counted for
 * the global severity scored 1 or more (the consensus grades disease that is there; it names no fourth category).
 */
public enum ChronicGvhdSeverity {
    NONE("none"),
    MILD("mild"),
    MODERATE("moderate"),
    SEVERE("severe");

    private final String code;

    ChronicGvhdSeverity(String code) {
        this.code = code;
    }

    /** @return the severity as written in the API and shown to users: {@code none}, {@code mild}, … */
    public String code() {
        return code;
    }

    /** @return the severity with this code, if any */
    public static Optional<ChronicGvhdSeverity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
