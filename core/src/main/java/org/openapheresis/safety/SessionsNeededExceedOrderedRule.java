package org.openapheresis.safety;

import java.util.Optional;

/**
 * SESSIONS_NEEDED_EXCEED_ORDERED: the plan needs more sessions to reach the order's target (a CD34+ dose, a
 * white count, a granulocyte or CD3+ dose) than the order prescribes. Not a clinical threshold: the plan's own
 * arithmetic against the prescription, so the physician sees the gap before signing.
 */
public final class SessionsNeededExceedOrderedRule implements CandidacyRule {

    /** Where the rule comes from. */
    public static final String SOURCE = "the plan's sessions needed for the target against the sessions ordered (no "
            + "clinical threshold)";

    @Override
    public WarningCode code() {
        return WarningCode.SESSIONS_NEEDED_EXCEED_ORDERED;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (f.sessionsOrdered().isEmpty() || f.sessionsNeeded() <= f.sessionsOrdered().getAsInt()) {
            return Optional.empty();
        }
        int ordered = f.sessionsOrdered().getAsInt();
        return Optional.of(warning(Severity.WARNING, "The plan needs " + f.sessionsNeeded() + " sessions to reach the "
                + "target; the order prescribes " + ordered + (ordered == 1 ? " session" : " sessions")
                + ". Order more sessions, or accept a product or count short of the target."));
    }
}
