package org.openapheresis.procedure;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CitrateKinetics;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Extracorporeal photopheresis (ECP).
 *
 * <p>Volumes: the separator processes the whole blood asked for (in mL, or collection cycles times the whole blood
 * of each) and collects a buffy coat, the treatment volume, which the unit enters from the separator. The
 * methoxsalen dose follows the UVADEX label: treatment volume x 0.017 = mL of UVADEX (20 µg/mL), so 240 mL takes
 * 4.1 mL. The UVA dose is 2 J/cm² offline (a vendor figure) or set by the inline device (entered if known). The
 * treated cells return to the patient, so nothing is removed for good and every drop of anticoagulant reaches
 * the patient.
 *
 * <p>Run time: the blood processed at the inlet flow, as for any cell procedure on the separator; an inline
 * system's photoactivation is not counted, so the run time is a lower bound there. The treatment schedule, when
 * asked for, is laid out day by day by {@link TreatmentSchedules}.
 *
 * @see <a href="https://www.drugs.com/dosage/uvadex.html">UVADEX dosage (label text)</a>
 */
public final class PhotopheresisPlanner {

    /** UVADEX per mL of treatment volume, mL/mL (label: "TREATMENT VOLUME × 0.017 = mL of UVADEX"). */
    public static final Sourced UVADEX_ML_PER_TREATMENT_ML = Sourced.verified(0.017, "mL/mL",
            "UVADEX label: \"TREATMENT VOLUME × 0.017 = mL of UVADEX® for each treatment. Example: Treatment volume of"
                    + " 240 mL × 0.017 = 4.1 mL\"");
    /** Methoxsalen in UVADEX, µg/mL (label: "10 mL vials containing 200 mcg of methoxsalen (20 mcg/mL)"). */
    public static final Sourced UVADEX_MICROGRAMS_PER_ML = Sourced.verified(20, "µg/mL",
            "UVADEX label: \"10 mL vials containing 200 mcg of methoxsalen (concentration of 20 mcg/mL)\"");
    /** UVADEX vial, mL, single use (label). */
    public static final Sourced UVADEX_VIAL_ML = Sourced.verified(10, "mL",
            "UVADEX label: 10 mL vials; \"The UVADEX® vial is for single use only\"");
    /**
     * UVA dose of offline photopheresis, J/cm²: PIT Medical Systems (vendor, pitmed.com): "irradiated with UVA light
     * (2 J/cm²)"; a payer policy gives 1 to 2 J/cm² for ECP in general (BCBS Mississippi, ECP policy).
     */
    public static final Sourced OFFLINE_UVA_J_PER_CM2 = Sourced.verified(2, "J/cm²",
            "offline UVA dose, PIT Medical Systems (vendor): \"irradiated with UVA light (2 J/cm²)\"; 1 to 2 J/cm²"
                    + " (BCBS Mississippi ECP policy)");
    /** What is said of an inline device's UVA dose when none is entered. */
    public static final String INLINE_UVA_NOT_STATED = "UNVERIFIED: set by the inline device; no published figure was"
            + " confirmed (about 1.5 J/cm² is often quoted for THERAKOS systems), none entered";

    private PhotopheresisPlanner() {
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.Photopheresis spec, BodyState start,
            PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        DeviceProfile device = spec.sep().device().profile();
        Notes assumptions = new Notes(options);
        assumptions.add(() -> bv.assumption());
        double tbv = bv.totalMl();
        double hct = patient.hematocritFraction();

        double processedMl = spec.wholeBloodProcessedMl();
        assumptions.add(() -> spec.processedVolumeMl().isPresent()
                ? "Whole blood processed " + Math.round(processedMl) + " mL as requested."
                : "Whole blood processed " + Math.round(processedMl) + " mL: " + spec.collectionCycles().getAsInt()
                        + " collection cycles of " + Problem.render(spec.wholeBloodPerCollectionCycleMl().getAsDouble())
                        + " mL as entered.");
        double acRatio = spec.sep().acRatio().orElse(CellSessions.DEFAULT_AC_RATIO.value());
        assumptions.add(() -> spec.sep().acRatio().isPresent() ? "Inlet:AC ratio " + Problem.render(acRatio)
                + " as requested." : CellSessions.DEFAULT_AC_RATIO.describe("Inlet:AC ratio"));
        double fractionAcToPatient = 1.0;
        assumptions.add(() -> "The treated cells return to the patient, so all the anticoagulant is counted as reaching"
                + " the patient (an upper bound for citrate).");
        Plans.Chosen inlet = Plans.inletFlow(spec.sep(), device, tbv, acRatio, fractionAcToPatient);
        assumptions.add(() -> inlet.why());
        double inletFlow = inlet.value();
        double acFlow = inletFlow / acRatio;
        double bloodFlow = inletFlow - acFlow;
        double durationMin = device.separationMinutes(processedMl, bloodFlow, hct, acRatio);
        assumptions.add(() -> spec.method() == ProcedureSpec.PhotopheresisMethod.INLINE
                ? "Run time is the blood processed at the inlet flow; the inline photoactivation is not counted, so it"
                        + " is a lower bound (published apheresis times: 120 min on Amicus and Optia to 275 min on"
                        + " THERAKOS, Transfusion 2016;56:2510, doi 10.1111/trf.13728)."
                : "Run time is the collection only; the offline irradiation happens away from the patient.");

        double tv = spec.treatmentVolumeMl();
        double uvadexMl = tv * UVADEX_ML_PER_TREATMENT_ML.value();
        double micrograms = uvadexMl * UVADEX_MICROGRAMS_PER_ML.value();
        int vials = (int) Math.ceil(uvadexMl / UVADEX_VIAL_ML.value() - 1e-9);
        assumptions.add(() -> "Treatment volume " + Problem.render(tv) + " mL as entered (the separator's buffy coat"
                + " volume; no published offline volume was confirmed).");
        assumptions.add(() -> UVADEX_ML_PER_TREATMENT_ML.describe("Methoxsalen: UVADEX") + "; "
                + UVADEX_MICROGRAMS_PER_ML.describe("UVADEX holds") + "; injected into the treatment volume, never into the"
                + " patient, and not diluted.");
        if (spec.method() == ProcedureSpec.PhotopheresisMethod.OFFLINE) {
            assumptions.add(() -> "UNVERIFIED for offline systems: the label's formula is written for THERAKOS CELLEX;"
                    + " an offline unit doses by its own protocol, and the label amount is shown for comparison.");
        }
        Double uva;
        String uvaSource;
        if (spec.uvaDoseJPerCm2().isPresent()) {
            uva = spec.uvaDoseJPerCm2().getAsDouble();
            uvaSource = "as entered";
        } else if (spec.method() == ProcedureSpec.PhotopheresisMethod.OFFLINE) {
            uva = OFFLINE_UVA_J_PER_CM2.value();
            uvaSource = OFFLINE_UVA_J_PER_CM2.source();
        } else {
            uva = null;
            uvaSource = INLINE_UVA_NOT_STATED;
        }
        assumptions.add(() -> "UVA dose " + (uva == null ? "not stated" : Problem.render(uva) + " J/cm²") + " ("
                + uvaSource + ").");

        double acVolume = processedMl / (acRatio - 1);
        double acToPatient = acVolume * fractionAcToPatient;
        double citrateMgPerMl = spec.sep().anticoagulant().citrateMgPerMl().value();
        double citrateToPatient = acToPatient * citrateMgPerMl;
        double citrateRate = citrateToPatient / patient.weightKg() / durationMin;
        assumptions.add(() -> spec.sep().anticoagulant().citrateMgPerMl().describe(
                spec.sep().anticoagulant().code() + " citrate") + ".");
        double perMin = 1.0 / durationMin;
        Exposure exposure = new Exposure(0, 0, acToPatient * perMin, Map.of(), Map.of(), citrateToPatient * perMin);
        SessionClock.Run run = SessionClock.run(start, exposure, durationMin, options, processedMl);
        assumptions.addAll(() -> CitrateKinetics.describe());
        Map<String, Plan.Prediction> predicted = Predictions.of(run.start(), run.end(), run.ionizedCalciumNadir(),
                false, Set.of());

        double ecv = device.extracorporealVolumeCellCollectionMl().value();
        assumptions.add(() -> device.extracorporealVolumeCellCollectionMl().describe("Extracorporeal volume")
                + (spec.method() == ProcedureSpec.PhotopheresisMethod.INLINE
                        ? "; UNVERIFIED for an inline photopheresis system, whose set holds the treatment volume too"
                        : "") + ".");

        SafetyFacts facts = new SafetyFacts(patient.weightKg(), tbv, OptionalDouble.of(ecv), OptionalDouble.of(inletFlow),
                OptionalDouble.of(acRatio), OptionalDouble.of(acToPatient / durationMin),
                OptionalDouble.of(fractionAcToPatient), OptionalDouble.of(citrateRate), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "", true);
        Plan.TreatmentSchedule schedule = spec.course().map(TreatmentSchedules::photopheresis).orElse(null);
        if (schedule != null) {
            assumptions.add(() -> "Treatment schedule: " + schedule.description() + " (" + schedule.source() + ").");
        }
        Plan plan = new Plan(
                ProcedureType.PHOTOPHERESIS.code(),
                spec.sep().device().code(),
                Math.round(tbv),
                bv.method().code(),
                Math.round(bv.plasmaMl()),
                (double) Math.round(processedMl),
                Rounding.decimals(processedMl / tbv, 2),
                null,
                null,
                Rounding.decimals(inletFlow, 1),
                Rounding.decimals(acFlow, 1),
                Math.round(durationMin),
                new Plan.AnticoagulantUse(spec.sep().anticoagulant().code(), acRatio, Math.round(acVolume),
                        Math.round(acToPatient), Rounding.decimals(citrateRate, 2), Math.round(citrateToPatient)),
                null,
                (double) Math.round(ecv),
                Rounding.decimals(100 * ecv / tbv, 1),
                new Plan.FluidBalance(Math.round(tv), 0, Math.round(acToPatient), Math.round(tv),
                        Math.round(acToPatient)),
                predicted,
                null,
                null,
                1,
                options.explain() ? SafetyRules.check(facts) : List.of(),
                assumptions.list(),
                run.timeline()).with(new Plan.Photopheresis(spec.method().code(), tv, Rounding.decimals(uvadexMl, 1),
                        Rounding.decimals(micrograms, 1), vials, uva, uvaSource), null, schedule);
        return new SessionResult(plan, run.end());
    }
}
