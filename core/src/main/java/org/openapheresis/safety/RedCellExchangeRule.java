package org.openapheresis.safety;

import java.util.Optional;

/** One rule on a planned red cell exchange: warns under one stable code, or stays silent. */
public interface RedCellExchangeRule {

    /** @return the code this rule warns with */
    WarningCode code();

    /** @return the warning, or empty when the rule does not apply */
    Optional<Warning> check(RedCellExchangeFacts facts);

    /** @return the publication behind the rule, or {@code UNVERIFIED: ...} */
    String source();

    /** The rule's warning with its code and source. */
    default Warning warning(Severity severity, String message) {
        return new Warning(code(), severity, message, source());
    }
}
