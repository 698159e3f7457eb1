package org.openapheresis.procedure;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CalciumModel;
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
import org.openapheresis.system.Sourced;

/**
 * Therapeutic plasma exchange.
 *
 * <p>Volumes: the exchange volume is plasma volumes x PV (or given in mL). The separator removes a share
 * (the plasma removal efficiency, PRE) of the plasma stream passing through it, so the whole blood to
 * process is exchange / ((1 - Hct) x PRE): 1.15 TBV per plasma volume at PRE 0.87 (Spectra Optia, Tormey
 * 2010). The anticoagulant mixes into the plasma stream, so the same share PRE of it leaves with the
 * discarded plasma and 1 - PRE reaches the patient (14.4 mL per L processed at ratio 10 on Optia; here
 * 1000/9 x 0.13 = 14.4).
 *
 * <p>Kinetics: during the run plasma proteins leave at the plasma removal rate times their concentration,
 * replacement adds what it contains, and the two-pool model redistributes; see
 * {@link org.openapheresis.kinetics.AnalyteKinetics}.
 */
public final class PlasmaExchangePlanner {

    /** Default inlet:AC ratio for plasma exchange (Terumo BCT "AC adjustments": 10:1 for TPE). */
    public static final Sourced DEFAULT_AC_RATIO = Sourced.verified(10, "",
            "default inlet:AC ratio for TPE 10:1, Terumo BCT AC adjustments");

    /** The analytes a plasma exchange changes. */
    static final Set<Analyte> CHANGED = EnumSet.of(Analyte.IGG, Analyte.IGM, Analyte.FIBRINOGEN, Analyte.ALBUMIN,
            Analyte.PLATELETS);

    private PlasmaExchangePlanner() {
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.PlasmaExchange spec, BodyState start,
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
        double acRatio = spec.sep().acRatio().orElse(DEFAULT_AC_RATIO.value());
        assumptions.add(() -> spec.sep().acRatio().isPresent() ? "Inlet:AC ratio " + Problem.render(acRatio)
                + " as requested." : DEFAULT_AC_RATIO.describe("Inlet:AC ratio"));

        double exchangeMl = spec.exchangeVolumeMl().orElse(spec.plasmaVolumes().orElse(1.0) * plasmaMl);
        double plasmaVolumes = exchangeMl / plasmaMl;
        double pre = device.plasmaRemovalEfficiency(hct, acRatio);
        assumptions.add(() -> device.intermittent()
                ? "Plasma removal efficiency " + Problem.render(Rounding.decimals(pre, 3)) + " at this haematocrit,"
                        + " derived from the bowl cycle: " + device.cycle().bowlVolumeMl().describe("bowl volume")
                        + ", " + device.cycle().bowlHematocrit().describe("bowl haematocrit") + "."
                : device.plasmaRemovalEfficiency().describe("Plasma removal efficiency") + ".");
        double processedMl = exchangeMl / ((1 - hct) * pre);
        double fractionAcToPatient = 1 - pre;

        Plans.Chosen inlet = Plans.inletFlow(spec.sep(), device, bv.totalMl(), acRatio, fractionAcToPatient);
        assumptions.add(() -> inlet.why());
        double inletFlow = inlet.value();
        double acFlow = inletFlow / acRatio;
        double bloodFlow = inletFlow - acFlow;
        double durationMin = device.separationMinutes(processedMl, bloodFlow, hct, acRatio);
        if (device.intermittent()) {
            assumptions.add(() -> "Run time includes the return phase of "
                    + Problem.render(Rounding.decimals(device.cycle().cycles(processedMl, hct), 1)) + " bowl cycles at "
                    + device.cycle().returnFlowMlPerMin().describe("a return flow of") + ".");
        }
        double acVolume = processedMl / (acRatio - 1);
        double acToPatient = acVolume * fractionAcToPatient;
        assumptions.add(() -> "Anticoagulant leaves with the discarded plasma in the same share as plasma (PRE), so "
                + Math.round(100 * fractionAcToPatient) + "% of it reaches the patient.");

        double fluidBalanceFraction = spec.fluidBalancePercent() / 100.0;
        double replacementMl = exchangeMl * fluidBalanceFraction;
        double albuminMl = replacementMl * spec.replacement().albuminPercent() / 100.0;
        double donorPlasmaMl = replacementMl * spec.replacement().plasmaPercent() / 100.0;
        double albuminGrams = albuminMl * ReplacementFluids.ALBUMIN_5_PERCENT_G_PER_L / 1000.0;
        assumptions.add(() -> "Replacement = exchange volume x fluid balance " + Problem.render(spec.fluidBalancePercent())
                + "%; 5% albumin contains 50 g/L; vials of 12.5 g and plasma units of 250 mL are rounded up.");

        double gluconateMl = albuminMl / 1000 * ReplacementFluids.CALCIUM_GLUCONATE_10_PERCENT_ML_PER_L_ALBUMIN.value();
        CalciumSupplement calcium = spec.sep().calcium();
        if (gluconateMl > 0) {
            assumptions.add(() -> "Calcium prophylaxis suggested: "
                    + ReplacementFluids.CALCIUM_GLUCONATE_10_PERCENT_ML_PER_L_ALBUMIN.describe("calcium gluconate 10%")
                    + ", " + ReplacementFluids.ELEMENTAL_CALCIUM_MG_PER_ML_GLUCONATE_10_PERCENT.describe(
                            "elemental calcium") + " (2.32 mmol/L); the ionised calcium prediction includes only the"
                    + " calcium entered in procedure.calcium.");
        }
        assumptions.add(() -> calcium.any() ? "Calcium given as entered: " + Problem.render(calcium.inReplacementMmolPerL())
                + " mmol per litre of albumin and an infusion of " + Problem.render(calcium.infusionMmolPerHour())
                + " mmol/h." : "No calcium given during the run (none entered in procedure.calcium).");
        double citrateMgPerMl = spec.sep().anticoagulant().citrateMgPerMl().value();
        double citrateFromAc = acToPatient * citrateMgPerMl;
        double citrateFromPlasma = donorPlasmaMl * ReplacementFluids.DONOR_PLASMA_CITRATE_MG_PER_ML.value();
        double citrateToPatient = citrateFromAc + citrateFromPlasma;
        assumptions.add(() -> spec.sep().anticoagulant().citrateMgPerMl().describe(
                spec.sep().anticoagulant().code() + " citrate") + ".");
        if (donorPlasmaMl > 0) {
            assumptions.add(() -> ReplacementFluids.DONOR_PLASMA_CITRATE_MG_PER_ML.describe("Citrate in donor plasma") + ".");
            for (var e : ReplacementFluids.DONOR_PLASMA_CONTENT.entrySet()) {
                assumptions.add(() -> e.getValue().describe("Donor plasma " + e.getKey().predictedName()) + ".");
            }
        }

        Map<Analyte, Double> clearance = new EnumMap<>(Analyte.class);
        Map<Analyte, Double> added = new EnumMap<>(Analyte.class);
        double perMin = 1.0 / durationMin;
        for (Analyte a : new Analyte[] {Analyte.IGG, Analyte.IGM, Analyte.FIBRINOGEN, Analyte.ALBUMIN}) {
            clearance.put(a, exchangeMl * perMin);
            Sourced content = ReplacementFluids.DONOR_PLASMA_CONTENT.get(a);
            double amount = donorPlasmaMl * content.value() / 1000.0;
            if (a == Analyte.ALBUMIN) {
                amount += albuminGrams;
            }
            added.put(a, amount * perMin);
        }
        double plateletLoss = device.plateletLossPerPlasmaVolume().value();
        clearance.put(Analyte.PLATELETS, -Math.log(1 - plateletLoss) * plasmaVolumes * bv.totalMl() * perMin);
        assumptions.add(() -> device.plateletLossPerPlasmaVolume().describe("Platelet loss per plasma volume") + ".");
        double calciumGivenMmol = albuminMl / 1000 * calcium.inReplacementMmolPerL()
                + calcium.infusionMmolPerHour() * durationMin / 60
                + donorPlasmaMl / 1000 * ReplacementFluids.DONOR_PLASMA_IONISABLE_CALCIUM_MMOL_PER_L.value();
        double calciumBoundMmol = albuminGrams * CalciumModel.ALBUMIN_BOUND_CALCIUM_MMOL_PER_G.value();
        if (donorPlasmaMl > 0) {
            assumptions.add(() -> ReplacementFluids.DONOR_PLASMA_IONISABLE_CALCIUM_MMOL_PER_L.describe(
                    "Donor plasma brings ionisable calcium") + ".");
        }
        Exposure exposure = new Exposure(exchangeMl * perMin, 0, (replacementMl + acToPatient) * perMin, clearance,
                added, citrateToPatient * perMin, exchangeMl * perMin, calciumGivenMmol * perMin,
                calciumBoundMmol * perMin);

        SessionClock.Run run = SessionClock.run(start, exposure, durationMin, options, processedMl);
        for (Analyte a : start.pools().keySet()) {
            if (CHANGED.contains(a)) {
                assumptions.addAll(() -> start.kinetics().get(a).describe());
            }
        }
        assumptions.addAll(() -> CitrateKinetics.describe());
        assumptions.add(() -> "Predicted values assume perfect mixing of the replacement into the circulation.");

        double citrateRate = citrateToPatient / patient.weightKg() / durationMin;
        double ecv = device.extracorporealVolumePlasmaExchangeMl().value();
        assumptions.add(() -> device.extracorporealVolumePlasmaExchangeMl().describe("Extracorporeal volume") + ".");
        Map<String, Plan.Prediction> predicted = Predictions.of(run.start(), run.end(), run.ionizedCalciumNadir(),
                true, CHANGED);

        SafetyFacts facts = new SafetyFacts(patient.weightKg(), bv.totalMl(), OptionalDouble.of(ecv),
                OptionalDouble.of(inletFlow), OptionalDouble.of(acRatio), OptionalDouble.of(acToPatient / durationMin),
                OptionalDouble.of(fractionAcToPatient), OptionalDouble.of(citrateRate), OptionalDouble.of(plasmaVolumes),
                OptionalDouble.of(spec.replacement().plasmaPercent()),
                run.end().pools().containsKey(Analyte.FIBRINOGEN) ? run.end().concentration(Analyte.FIBRINOGEN)
                        : OptionalDouble.empty(),
                run.end().pools().containsKey(Analyte.PLATELETS) ? run.end().concentration(Analyte.PLATELETS)
                        : OptionalDouble.empty(),
                1, "", false);

        double netMl = replacementMl + acToPatient - exchangeMl;
        Plan plan = new Plan(
                ProcedureType.PLASMA_EXCHANGE.code(),
                spec.sep().device().code(),
                Math.round(bv.totalMl()),
                bv.method().code(),
                Math.round(plasmaMl),
                (double) Math.round(processedMl),
                Rounding.decimals(processedMl / bv.totalMl(), 2),
                (double) Math.round(exchangeMl),
                Rounding.decimals(plasmaVolumes, 2),
                Rounding.decimals(inletFlow, 1),
                Rounding.decimals(acFlow, 1),
                Math.round(durationMin),
                new Plan.AnticoagulantUse(spec.sep().anticoagulant().code(), acRatio, Math.round(acVolume),
                        Math.round(acToPatient), Rounding.decimals(citrateRate, 2), Math.round(citrateToPatient)),
                new Plan.ReplacementUse(Math.round(albuminMl), Math.round(donorPlasmaMl), Rounding.decimals(albuminGrams, 1),
                        (int) Math.ceil(albuminGrams / ReplacementFluids.ALBUMIN_VIAL_G - 1e-9),
                        (int) Math.ceil(donorPlasmaMl / ReplacementFluids.PLASMA_UNIT_ML - 1e-9),
                        Math.round(gluconateMl), Math.round(gluconateMl
                                * ReplacementFluids.ELEMENTAL_CALCIUM_MG_PER_ML_GLUCONATE_10_PERCENT.value())),
                (double) Math.round(ecv),
                Rounding.decimals(100 * ecv / bv.totalMl(), 1),
                new Plan.FluidBalance(Math.round(exchangeMl), Math.round(replacementMl), Math.round(acToPatient), 0,
                        Math.round(netMl)),
                predicted,
                null,
                null,
                1,
                options.explain() ? SafetyRules.check(facts) : List.of(),
                assumptions.list(),
                run.timeline());
        return new SessionResult(plan, run.end());
    }
}
