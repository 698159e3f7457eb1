package org.openapheresis.safety;

import java.util.Optional;

/**
 * ACE_INHIBITOR_ALBUMIN_EXCHANGE: an ACE inhibitor before a plasma exchange with albumin: atypical reactions
 * (flushing, hypotension, bradycardia) attributed to bradykinin that ACE would otherwise break down. Read in the
 * abstract of Owen HG, Brecher ME, Transfusion 1994;34:891 (299 consecutive TPE patients; all 14 on an ACE
 * inhibitor had an atypical reaction with albumin replacement; "It is recommended that ACE inhibitors be withheld
 * for at least 24 hours before that procedure"). See docs/sources.md.
 */
public final class AceInhibitorAlbuminExchangeRule implements CandidacyRule {

    /** The publication behind the rule. */
    public static final String SOURCE = "Owen HG, Brecher ME. Atypical reactions associated with use of "
            + "angiotensin-converting enzyme inhibitors and apheresis. Transfusion 1994;34:891 (abstract: 14 of 14 "
            + "patients on an ACE inhibitor reacted during TPE with albumin; withhold at least 24 hours before)";

    @Override
    public WarningCode code() {
        return WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (!f.plasmaExchange() || !f.usesAlbumin() || !f.history().aceInhibitor()) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.DANGER, "The patient takes an ACE inhibitor and the exchange uses "
                + "albumin: risk of bradykinin-mediated hypotension and flushing. Consider holding the ACE inhibitor "
                + "at least 24 h before the procedure."));
    }
}
