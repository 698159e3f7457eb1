package org.openapheresis.procedure;

import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.kinetics.AnalyteKinetics;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CalciumModel;
import org.openapheresis.kinetics.StandardKinetics;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.BloodVolumes;
import org.openapheresis.patient.Patient;
import org.openapheresis.separator.AnticoagulantLimits;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Sourced;
import org.openapheresis.variation.Parameter;
import org.openapheresis.variation.Variation;
import org.openapheresis.patient.Analyte;

/** Steps every apheresis planner shares: the starting body, and flows within the device and AC limits. */
final class Plans {

    private Plans() {
    }

    /** The patient's body before a first procedure: every analyte with a pre value and known kinetics. */
    static BodyState steadyState(Patient p, BloodVolume bv, Variation v) {
        return BodyState.steadyState(p.weightKg(), bv.totalMl(), bv.hematocritFraction(), p.labs().values(),
                kinetics(v), p.labs().get(org.openapheresis.patient.Analyte.IONIZED_CALCIUM), calcium(v));
    }

    /** The protein and platelet kinetics of a virtual patient (the published ones when nominal). */
    static Map<Analyte, AnalyteKinetics> kinetics(Variation v) {
        if (v.isNominal()) {
            return StandardKinetics.all();
        }
        Map<Analyte, AnalyteKinetics> m = new EnumMap<>(StandardKinetics.all());
        m.put(Analyte.IGG, StandardKinetics.IGG.varied(1, v.factor(Parameter.IGG_RETURN_RATE),
                v.factor(Parameter.IGG_HALF_LIFE), v.factor(Parameter.IGG_FCRN_EXPONENT)));
        m.put(Analyte.FIBRINOGEN, StandardKinetics.FIBRINOGEN.varied(v.factor(Parameter.FIBRINOGEN_INTRAVASCULAR),
                v.factor(Parameter.FIBRINOGEN_ESCAPE), v.factor(Parameter.FIBRINOGEN_HALF_LIFE), 1));
        return m;
    }

    /** The citrate and calcium constants of a virtual patient. */
    static CalciumModel calcium(Variation v) {
        return v.isNominal() ? CalciumModel.nominal() : CalciumModel.nominal().varied(
                v.factor(Parameter.CITRATE_CLEARANCE), v.factor(Parameter.CALCIUM_SENSITIVITY),
                v.factor(Parameter.CALCIUM_MOBILISATION));
    }

    /** An efficiency of a virtual patient: the published value times its factor, at most 1. */
    static Sourced varied(Sourced efficiency, Variation v, Parameter p) {
        double f = v.factor(p);
        if (f == 1) {
            return efficiency;
        }
        double value = efficiency.value() * f;
        return new Sourced(Math.min(1, value), efficiency.unit(), efficiency.source() + ", varied"
                + (value > 1 ? " and taken as 1" : ""), efficiency.verified());
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

    /**
     * The anticoagulant's share of the plasma stream leaving the separator (the patient's plasma of the processed
     * blood plus the anticoagulant): the share of any fluid taken off with a product or with removed red cells that
     * is anticoagulant, which does not reach the patient.
     */
    static double acShareOfPlasmaStream(double processedMl, double hematocritFraction, double acVolumeMl) {
        return acVolumeMl / (processedMl * (1 - hematocritFraction) + acVolumeMl);
    }

    /** The patient's blood volume (an estimate times the virtual patient's factor; a measured one as given). */
    static BloodVolume bloodVolume(Patient p, PlanOptions options) {
        BloodVolume bv = BloodVolumes.of(p);
        double f = options.variation().factor(Parameter.BLOOD_VOLUME);
        if (f == 1 || bv.method() == org.openapheresis.patient.BloodVolumeMethod.MEASURED) {
            return bv;
        }
        return new BloodVolume(bv.totalMl() * f, bv.method(), bv.hematocritFraction(), options.explain()
                ? bv.assumption() + " (Varied for a virtual patient.)" : bv.assumption());
    }
}
