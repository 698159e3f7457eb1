package org.openapheresis.safety;

import java.util.Optional;

/**
 * One candidacy or contraindication check of an order against the patient's record: a warning a physician must
 * acknowledge, or silence.
 */
public interface CandidacyRule {

    /** @return the code this rule warns with (scope {@link WarningCode.Scope#CANDIDACY}) */
    WarningCode code();

    /** @return the publication behind the rule, or {@code UNVERIFIED: ...} */
    String source();

    /** @return the warning, or empty when the rule does not apply */
    Optional<Warning> check(CandidacyFacts facts);

    /** The rule's warning with its code and source. */
    default Warning warning(Severity severity, String message) {
        return new Warning(code(), severity, message, source());
    }
}
