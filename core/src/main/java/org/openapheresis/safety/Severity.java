package org.openapheresis.safety;

import java.util.Locale;

/** How urgent a warning is. Shown in the plan as {@code info}, {@code warning} or {@code danger}. */
public enum Severity {
    INFO,
    WARNING,
    DANGER;

    /** @return the contract's lower-case code */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
