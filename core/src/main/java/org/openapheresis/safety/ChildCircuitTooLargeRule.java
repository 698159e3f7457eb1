package org.openapheresis.safety;

import java.util.Optional;

/**
 * CHILD_CIRCUIT_TOO_LARGE: a circuit too large for a child's blood volume: the plan's
 * {@code EXTRACORPOREAL_VOLUME_HIGH} (circuit above 15% of blood volume, a caution rather than a verdict: Karger
 * R et al., Transfusion 2003) in a patient under 18.
 */
public final class ChildCircuitTooLargeRule implements CandidacyRule {

    /** The source. */
    public static final String SOURCE = "plan warning EXTRACORPOREAL_VOLUME_HIGH; 15% caution: Karger R et al., "
            + "Transfusion 2003";
    /** Age below which the patient is a child, years. */
    public static final int ADULT_AGE_YEARS = 18;

    @Override
    public WarningCode code() {
        return WarningCode.CHILD_CIRCUIT_TOO_LARGE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        boolean child = f.ageYears().isPresent() && f.ageYears().getAsDouble() < ADULT_AGE_YEARS;
        boolean high = f.planWarns(WarningCode.EXTRACORPOREAL_VOLUME_HIGH);
        if (!child || !high || f.extracorporealPercentOfBloodVolume().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.DANGER, "The circuit holds "
                + SafetyRules.num(f.extracorporealPercentOfBloodVolume().getAsDouble()) + " % of this child's blood "
                + "volume (" + SafetyRules.num(f.bloodVolumeMl()) + " mL); plan a prime of the circuit."));
    }
}
