package org.openapheresis.safety;

import java.util.Optional;
import org.openapheresis.separator.AnticoagulantLimits;

/**
 * AC_INFUSION_RATE_HIGH: anticoagulant reaching the patient above 1.2 mL/min per litre of blood volume (top
 * of the Spectra Optia range, manual Table 4-13). The message gives the highest inlet flow within it.
 */
public final class AcInfusionRateRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "Spectra Optia operator's manual, Table 4-13: AC infusion rate 0.8-1.2 mL/min per L of blood "
            + "volume";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.AC_INFUSION_RATE_HIGH;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.acToPatientMlPerMin().isEmpty() || f.acRatio().isEmpty() || f.fractionOfAcToPatient().isEmpty()) {
            return Optional.empty();
        }
        double perL = f.acToPatientMlPerMin().getAsDouble() / (f.bloodVolumeMl() / 1000);
        double limit = AnticoagulantLimits.AC_INFUSION_MAX_ML_PER_MIN_PER_L_TBV.value();
        if (perL <= limit + 1e-9) {
            return Optional.empty();
        }
        double maxInlet = AnticoagulantLimits.maxInletFlowMlPerMin(f.bloodVolumeMl(), f.acRatio().getAsDouble(),
                f.fractionOfAcToPatient().getAsDouble());
        return Optional.of(warning(Severity.WARNING, "Anticoagulant reaches the patient at "
                + String.format(java.util.Locale.ROOT, "%.2f", perL) + " mL/min per L of blood volume, above "
                + SafetyRules.num(limit) + ". Lower the inlet flow to " + (long) Math.floor(maxInlet)
                + " mL/min or less (or raise the inlet:AC ratio)."));
    }
}
