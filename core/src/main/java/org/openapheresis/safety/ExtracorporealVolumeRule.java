package org.openapheresis.safety;

import java.util.Optional;

/**
 * EXTRACORPOREAL_VOLUME_HIGH: circuit volume above 15% of blood volume. An ECV above 10-15% of blood volume
 * risks hypotension, especially in children; prime with red cells or albumin. Karger et al. (Transfusion
 * 2003) found median ECVs of 14-20% in intermittent-flow donor plasmapheresis mostly without reactions, so
 * the message says it is a caution, not a verdict.
 */
public final class ExtracorporealVolumeRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "ECV above 10-15% of blood volume risks hypotension, especially in children; Karger R et al., "
            + "Transfusion 2003 (median ECV 14-20% in donor plasmapheresis, mostly without reactions)";

    /** Threshold, percent of total blood volume. */
    public static final double THRESHOLD_PERCENT_OF_BLOOD_VOLUME = 15;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.EXTRACORPOREAL_VOLUME_HIGH;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.extracorporealVolumeMl().isEmpty()) {
            return Optional.empty();
        }
        double ecv = f.extracorporealVolumeMl().getAsDouble();
        double percent = 100 * ecv / f.bloodVolumeMl();
        if (percent <= THRESHOLD_PERCENT_OF_BLOOD_VOLUME) {
            return Optional.empty();
        }
        double limit = f.bloodVolumeMl() * THRESHOLD_PERCENT_OF_BLOOD_VOLUME / 100;
        return Optional.of(warning(Severity.DANGER, "The circuit holds " + SafetyRules.num(ecv)
                + " mL, " + SafetyRules.num(percent) + "% of the patient's blood volume (15% is "
                + SafetyRules.num(limit) + " mL). Prime the circuit with red cells or albumin and watch closely for"
                + " hypotension; this is a caution, not a verdict (Karger, Transfusion 2003)."));
    }
}
