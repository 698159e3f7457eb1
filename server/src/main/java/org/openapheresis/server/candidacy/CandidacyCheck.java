package org.openapheresis.server.candidacy;

import java.util.Optional;

/** One candidacy or contraindication check: a warning when it applies, empty otherwise. */
public interface CandidacyCheck {

    /** The code of the warning this check gives. */
    String code();

    Optional<CheckWarning> check(CandidacyFacts facts);
}
