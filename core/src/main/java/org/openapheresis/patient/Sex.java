package org.openapheresis.patient;

import java.util.Locale;
import java.util.Optional;

/** Sex as used by the blood volume formulas (Nadler 1962 has a male and a female equation). */
public enum Sex {
    MALE,
    FEMALE;

    /** @return the contract's text, {@code male} or {@code female} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the contract code, e.g. {@code female} */
    @Override
    public String toString() {
        return code();
    }

    /** Parses the contract's text. */
    public static Optional<Sex> fromCode(String code) {
        for (Sex s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
