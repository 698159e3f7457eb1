package org.openapheresis.procedure;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CitrateKinetics;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;

/**
 * Immunoadsorption (IA): plasma separated as for a plasma exchange passes an IgG adsorber and returns.
 *
 * <p>Volumes: the plasma through the column is plasma volumes x PV (or given in mL); the separator takes off the
 * share PRE of the plasma passing it, so the whole blood processed is plasma / ((1 - Hct) x PRE), exactly as for a
 * plasma exchange ({@link PlasmaExchangePlanner}). Nothing is discarded and nothing replaced (ASFA: "IA: NA"), so
 * all the anticoagulant returns to the patient.
 *
 * <p>Kinetics: the same two-pool model as plasma exchange ({@link org.openapheresis.kinetics.AnalyteKinetics}, run by
 * the same simulator). A plasma exchange clears IgG from the volume of plasma it discards; an adsorber clears it
 * from the plasma it treats times the share it holds back per pass, E: clearance = plasma through the column x E /
 * run time. With E = 100 % the IgG removal of an immunoadsorption equals that of a plasma exchange of the same
 * plasma volume. E is the column's and is entered (no published per-pass figure was found). Only IgG is predicted;
 * what else a column holds back (IgM, fibrinogen) depends on the column and is not modelled.
 */
public final class ImmunoadsorptionPlanner {

    /** The analytes an immunoadsorption changes here. */
    static final Set<Analyte> CHANGED = EnumSet.of(Analyte.IGG);

    private ImmunoadsorptionPlanner() {
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.Immunoadsorption spec, BodyState start,
            PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        DeviceProfile device = spec.sep().device().profile();
        Notes assumptions = new Notes(options);
        assumptions.add(() -> bv.assumption());
        assumptions.add(() -> "Plasma volume = TBV x (1 - Hct) with the venous haematocrit "
                + Problem.render(patient.hematocritPercent()) + "%.");
        double hct = patient.hematocritFraction();
        double plasmaMl = bv.plasmaMl();
        double acRatio = spec.sep().acRatio().orElse(PlasmaExchangePlanner.DEFAULT_AC_RATIO.value());
        assumptions.add(() -> spec.sep().acRatio().isPresent() ? "Inlet:AC ratio " + Problem.render(acRatio)
                + " as requested." : PlasmaExchangePlanner.DEFAULT_AC_RATIO.describe("Inlet:AC ratio")
                        + "; the plasma separation of an immunoadsorption taken as a plasma exchange's (UNVERIFIED).");

        double treatedMl = spec.processedPlasmaMl().orElse(spec.plasmaVolumesProcessed().orElse(0) * plasmaMl);
        double plasmaVolumes = treatedMl / plasmaMl;
        double pre = device.plasmaRemovalEfficiency(hct, acRatio);
        double processedMl = treatedMl / ((1 - hct) * pre);
        assumptions.add(() -> "Whole blood processed = plasma through the column / ((1 - Hct) x PRE), PRE "
                + Problem.render(Rounding.decimals(pre, 3)) + " as for a plasma exchange on this separator.");
        double fractionAcToPatient = 1.0;
        assumptions.add(() -> "The treated plasma returns, so all the anticoagulant is counted as reaching the patient"
                + " (an upper bound for citrate); no replacement fluid is given (ASFA: \"IA: NA\").");
        Plans.Chosen inlet = Plans.inletFlow(spec.sep(), device, bv.totalMl(), acRatio, fractionAcToPatient);
        assumptions.add(() -> inlet.why());
        double inletFlow = inlet.value();
        double acFlow = inletFlow / acRatio;
        double bloodFlow = inletFlow - acFlow;
        double durationMin = device.separationMinutes(processedMl, bloodFlow, hct, acRatio);
        double plasmaFlow = treatedMl / durationMin;
        assumptions.add(() -> "Run time is the blood processed at the inlet flow; a column's own limit on plasma flow"
                + " and the regeneration pauses of paired columns are not modelled (UNVERIFIED), so it may be longer.");
        double acVolume = processedMl / (acRatio - 1);
        double acToPatient = acVolume * fractionAcToPatient;
        double citrateMgPerMl = spec.sep().anticoagulant().citrateMgPerMl().value();
        double citrateToPatient = acToPatient * citrateMgPerMl;
        double citrateRate = citrateToPatient / patient.weightKg() / durationMin;
        assumptions.add(() -> spec.sep().anticoagulant().citrateMgPerMl().describe(
                spec.sep().anticoagulant().code() + " citrate") + ".");

        double efficiency = spec.columnIggRemovalPercent() / 100;
        assumptions.add(() -> "Column IgG removal " + Problem.render(spec.columnIggRemovalPercent()) + " % per pass as"
                + " entered (UNVERIFIED: no published per-pass figure was found; the column's instructions or the"
                + " unit's own inlet and outlet measurements give it).");
        double perMin = 1.0 / durationMin;
        Map<Analyte, Double> clearance = new EnumMap<>(Analyte.class);
        clearance.put(Analyte.IGG, treatedMl * efficiency * perMin);
        Exposure exposure = new Exposure(0, 0, acToPatient * perMin, clearance, Map.of(), citrateToPatient * perMin);
        SessionClock.Run run = SessionClock.run(start, exposure, durationMin, options, processedMl);
        for (Analyte a : start.pools().keySet()) {
            if (CHANGED.contains(a)) {
                assumptions.addAll(() -> start.kinetics().get(a).describe());
            }
        }
        assumptions.addAll(() -> CitrateKinetics.describe());
        Map<String, Plan.Prediction> predicted = Predictions.of(run.start(), run.end(), run.ionizedCalciumNadir(),
                false, CHANGED);
        Double iggRemovedGrams = start.pools().containsKey(Analyte.IGG)
                ? Rounding.decimals(run.removed(Analyte.IGG), 1) : null;

        double ecv = device.extracorporealVolumePlasmaExchangeMl().value();
        assumptions.add(() -> device.extracorporealVolumePlasmaExchangeMl().describe("Extracorporeal volume")
                + "; the column's own volume is not included (UNVERIFIED).");
        SafetyFacts facts = new SafetyFacts(patient.weightKg(), bv.totalMl(), OptionalDouble.of(ecv),
                OptionalDouble.of(inletFlow), OptionalDouble.of(acRatio), OptionalDouble.of(acToPatient / durationMin),
                OptionalDouble.of(fractionAcToPatient), OptionalDouble.of(citrateRate), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "", true);
        Plan plan = new Plan(
                ProcedureType.IMMUNOADSORPTION.code(),
                spec.sep().device().code(),
                Math.round(bv.totalMl()),
                bv.method().code(),
                Math.round(plasmaMl),
                (double) Math.round(processedMl),
                Rounding.decimals(processedMl / bv.totalMl(), 2),
                null,
                null,
                Rounding.decimals(inletFlow, 1),
                Rounding.decimals(acFlow, 1),
                Math.round(durationMin),
                new Plan.AnticoagulantUse(spec.sep().anticoagulant().code(), acRatio, Math.round(acVolume),
                        Math.round(acToPatient), Rounding.decimals(citrateRate, 2), Math.round(citrateToPatient)),
                null,
                (double) Math.round(ecv),
                Rounding.decimals(100 * ecv / bv.totalMl(), 1),
                new Plan.FluidBalance(0, 0, Math.round(acToPatient), 0, Math.round(acToPatient)),
                predicted,
                null,
                null,
                1,
                options.explain() ? SafetyRules.check(facts) : List.of(),
                assumptions.list(),
                run.timeline()).with(null, new Plan.Column("igg-adsorber", Math.round(treatedMl),
                        Rounding.decimals(plasmaVolumes, 2), Rounding.decimals(plasmaFlow, 1),
                        spec.columnIggRemovalPercent(), iggRemovedGrams, null, null), null);
        return new SessionResult(plan, run.end());
    }
}
