package org.openapheresis.safety;

import java.util.Objects;

/**
 * One warning in a plan.
 *
 * @param code stable code
 * @param severity how urgent
 * @param message a sentence a nurse understands, saying what to do
 */
public record Warning(WarningCode code, Severity severity, String message) {

    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
