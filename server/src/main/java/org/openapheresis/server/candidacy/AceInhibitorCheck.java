package org.openapheresis.server.candidacy;

import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * An ACE inhibitor before a plasma exchange with albumin: atypical reactions (flushing, hypotension, bradycardia)
 * attributed to bradykinin that ACE would otherwise break down. Usual advice is to hold the drug 24-48 h before.
 * UNVERIFIED: not in the project's checked sources; reported by Owen HG, Brecher ME, Transfusion 1994;34:891.
 * The hold time is UNVERIFIED.
 */
public final class AceInhibitorCheck implements CandidacyCheck {

    public static final String CODE = "ACE_INHIBITOR_ALBUMIN_EXCHANGE";
    public static final String SOURCE = "UNVERIFIED: Owen HG, Brecher ME. Atypical reactions associated with use of "
            + "angiotensin-converting enzyme inhibitors and apheresis. Transfusion 1994;34:891 (not yet checked "
            + "against the paper; hold time 24-48 h UNVERIFIED)";

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
                + "24-48 h before the procedure", SOURCE));
    }
}
