package org.openapheresis.safety;

import java.util.Objects;

/**
 * One warning in a plan.
 *
 * @param code stable code
 * @param severity how urgent
 * @param message a sentence a nurse understands, saying what to do
 * @param source the publication behind the rule, or {@code UNVERIFIED: ...}
 */
public record Warning(WarningCode code, Severity severity, String message, String source) {

    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
