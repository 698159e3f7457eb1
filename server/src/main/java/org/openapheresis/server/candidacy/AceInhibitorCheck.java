package org.openapheresis.server.candidacy;

import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * An ACE inhibitor before a plasma exchange with albumin: atypical reactions (flushing, hypotension, bradycardia)
 * attributed to bradykinin that ACE would otherwise break down. Source, read in the abstract: Owen HG, Brecher ME,
 * Transfusion 1994;34:891 (299 consecutive TPE patients; all 14 on an ACE inhibitor had an atypical reaction with
 * albumin replacement; "It is recommended that ACE inhibitors be withheld for at least 24 hours before that
 * procedure"). See docs/sources.md.
 */
public final class AceInhibitorCheck implements CandidacyCheck {

    public static final String CODE = "ACE_INHIBITOR_ALBUMIN_EXCHANGE";
    public static final String SOURCE = "Owen HG, Brecher ME. Atypical reactions associated with use of "
            + "angiotensin-converting enzyme inhibitors and apheresis. Transfusion 1994;34:891 (abstract: 14 of 14 "
            + "patients on an ACE inhibitor reacted during TPE with albumin; withhold at least 24 hours before)";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<CheckWarning> check(CandidacyFacts f) {
        if (f.type() != ProcedureType.PLASMA_EXCHANGE || !f.usesAlbumin() || !f.patient().aceInhibitor()) {
            return Optional.empty();
        }
        return Optional.of(new CheckWarning(CODE, "high", "the patient takes an ACE inhibitor and the exchange uses "
                + "albumin: risk of bradykinin-mediated hypotension and flushing; consider holding the ACE inhibitor "
                + "at least 24 h before the procedure", SOURCE));
    }
}
