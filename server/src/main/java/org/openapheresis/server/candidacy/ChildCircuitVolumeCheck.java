package org.openapheresis.server.candidacy;

import java.util.Optional;
import org.openapheresis.safety.WarningCode;

/**
 * A circuit too large for a child's blood volume: the plan's {@code EXTRACORPOREAL_VOLUME_HIGH} (circuit above
 * 15% of blood volume, a caution rather than a verdict: Karger R et al., Transfusion 2003) in a patient under 18.
 */
public final class ChildCircuitVolumeCheck implements CandidacyCheck {

    public static final String CODE = "CHILD_CIRCUIT_TOO_LARGE";
    /** Age below which the patient is a child, years. */
    public static final int ADULT_AGE_YEARS = 18;

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<CheckWarning> check(CandidacyFacts f) {
        boolean child = f.patient().ageYears(f.today()) < ADULT_AGE_YEARS;
        boolean high = f.plan().warnings().stream().anyMatch(w -> w.code() == WarningCode.EXTRACORPOREAL_VOLUME_HIGH);
        if (!child || !high) {
            return Optional.empty();
        }
        return Optional.of(new CheckWarning(CODE, "high", "the circuit holds "
                + LowPlateletsCheck.fmt(f.plan().extracorporealPercentOfBloodVolume()) + " % of this child's blood "
                + "volume (" + LowPlateletsCheck.fmt(f.plan().bloodVolumeMl()) + " mL); plan a prime of the circuit",
                "plan warning EXTRACORPOREAL_VOLUME_HIGH; 15% caution: Karger R et al., Transfusion 2003"));
    }
}
