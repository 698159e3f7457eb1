package org.openapheresis.server.candidacy;

import java.util.Objects;

/**
 * A warning that a physician must acknowledge before a session starts.
 *
 * @param code stable code, e.g. {@code ACE_INHIBITOR_ALBUMIN_EXCHANGE} or a plan warning code
 * @param severity {@code info}, {@code caution} or {@code high}
 * @param message what was found and what it means, with units
 * @param source the publication behind the rule, or {@code UNVERIFIED: ...}
 */
public record CheckWarning(String code, String severity, String message, String source) {

    public CheckWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
