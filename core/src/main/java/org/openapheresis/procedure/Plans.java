package org.openapheresis.procedure;

import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.StandardKinetics;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.BloodVolumes;
import org.openapheresis.patient.Patient;
import org.openapheresis.separator.AnticoagulantLimits;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Steps every apheresis planner shares: the starting body, and flows within the device and AC limits. */
final class Plans {

    private Plans() {
    }

    /** The patient's body before a first procedure: every analyte with a pre value and known kinetics. */
    static BodyState steadyState(Patient p, BloodVolume bv) {
        return BodyState.steadyState(p.weightKg(), bv.totalMl(), bv.hematocritFraction(), p.labs().values(),
                StandardKinetics.all(), p.labs().get(org.openapheresis.patient.Analyte.IONIZED_CALCIUM));
    }

    /**
     * The inlet flow of a session: the requested flow (checked against the device range), or the device's
     * usual flow lowered to keep the anticoagulant reaching the patient within its limit.
     *
     * @return the flow and a sentence saying how it was chosen
     */
    static Chosen inletFlow(Separation sep, DeviceProfile profile, double bloodVolumeMl, double acRatio,
            double fractionOfAcToPatient) {
        if (sep.inletFlowMlPerMin().isPresent()) {
            double requested = sep.inletFlowMlPerMin().getAsDouble();
            if (requested < profile.minInletFlowMlPerMin() || requested > profile.maxInletFlowMlPerMin()) {
                throw InvalidInputException.of("procedure.inletFlowMlPerMin", MessageKey.OUT_OF_RANGE, requested,
                        profile.minInletFlowMlPerMin(), profile.maxInletFlowMlPerMin());
            }
            return new Chosen(requested, "Inlet flow " + Problem.render(requested) + " mL/min as requested.");
        }
        double usual = profile.usualInletFlowMlPerMin().value();
        double max = AnticoagulantLimits.maxInletFlowMlPerMin(bloodVolumeMl, acRatio, fractionOfAcToPatient);
        if (max >= usual) {
            return new Chosen(usual, profile.usualInletFlowMlPerMin().describe("Inlet flow: the device's usual"));
        }
        double lowered = Math.floor(max);
        if (lowered < profile.minInletFlowMlPerMin()) {
            throw InvalidInputException.of("procedure.inletFlowMlPerMin", MessageKey.NOT_PLANNABLE,
                    "no inlet flow of at least " + Problem.render(profile.minInletFlowMlPerMin())
                            + " mL/min keeps the anticoagulant within "
                            + AnticoagulantLimits.AC_INFUSION_MAX_ML_PER_MIN_PER_L_TBV.value()
                            + " mL/min per L of blood volume; raise the inlet:AC ratio");
        }
        return new Chosen(lowered, "Inlet flow lowered from the usual " + Problem.render(usual) + " to "
                + Problem.render(lowered) + " mL/min to keep anticoagulant to the patient within "
                + AnticoagulantLimits.AC_INFUSION_MAX_ML_PER_MIN_PER_L_TBV.describe("the limit") + ".");
    }

    /** A chosen number and why. */
    record Chosen(double value, String why) {
    }

    /** The patient's blood volume. */
    static BloodVolume bloodVolume(Patient p) {
        return BloodVolumes.of(p);
    }
}
