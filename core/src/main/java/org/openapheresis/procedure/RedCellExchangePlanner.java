package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CitrateKinetics;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.RedCellExchangeKinetics;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.RedCellExchangeFacts;
import org.openapheresis.safety.RedCellExchangeRules;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.safety.Warning;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Automated red cell exchange for sickle cell disease.
 *
 * <p>Volumes: the red cell volume is TBV x Hct before (R0) and TBV x target Hct at the end (Re), the blood volume
 * staying constant (isovolaemic). A depletion/exchange first removes the patient's red cells against saline or
 * albumin down to the depletion haematocrit (no donor cells yet, so the HbS fraction does not change). The
 * exchange then infuses donor red cells, assumed free of HbS, while removing mixed red cells at a constant ratio;
 * the donor red cell volume that leaves the patient's own share s = target HbS / HbS before is
 * {@code V = (Re - Rs) ln(s) / ln(Rs / Re)}, or {@code Rs ln(1/s)} when the haematocrit does not change
 * ({@link RedCellExchangeKinetics}). The units are V / unit haematocrit, in units of the mean unit volume,
 * rounded up.
 *
 * <p>Run time: the whole blood processed is at least the red cells removed divided by the haematocrit of the
 * blood passing, integrated over the procedure (every red cell of the processed blood removed): a lower bound,
 * so the run time is one too.
 */
public final class RedCellExchangePlanner {

    /** Default inlet:AC ratio for red cell exchange (Terumo BCT "AC adjustments": 13:1 for RBCX). */
    public static final Sourced DEFAULT_AC_RATIO = Sourced.verified(13, "",
            "default inlet:AC ratio for RBCX 13:1, Terumo BCT AC adjustments");

    /**
     * Mean volume of one donor red cell unit, mL: 300 mL for leukodepleted red cells in SAGM at one centre
     * (HMC Doha averages, drzeydbloodbank.com "Therapeutic apheresis volume calculations"; also the default of
     * AYSung/tm-calculator RBCX.vue). Units vary by preparation; a unit should enter its own.
     */
    public static final Sourced DEFAULT_UNIT_VOLUME_ML = Sourced.verified(300, "mL",
            "mean leukodepleted red cell unit in SAGM at one centre (HMC Doha), drzeydbloodbank.com; enter the"
                    + " blood bank's own mean");

    /**
     * Haematocrit of the red cells the separator removes during a depletion phase, which sets the saline or
     * albumin given for them (isovolaemic: the fluid replaces the volume removed). UNVERIFIED: the bowl haematocrit
     * of about 0.80 of intermittent-flow separators (JPAC UK Red Book, Appendix III) is taken for the continuous-flow
     * remove line; no Spectra Optia figure was found.
     */
    static final Sourced REMOVED_RED_CELL_HEMATOCRIT = Sourced.unverified(0.80, "",
            "remove-line haematocrit during depletion; the intermittent-flow bowl haematocrit about 0.80 (JPAC Red"
                    + " Book) taken, no Spectra Optia figure found");

    /** Timeline points over the run when a timeline is asked for (besides start and end). */
    static final int TIMELINE_STEPS = 20;

    private RedCellExchangePlanner() {
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.RedCellExchange spec, BodyState start,
            PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        DeviceProfile device = spec.sep().device().profile();
        Notes assumptions = new Notes(options);
        assumptions.add(() -> bv.assumption());

        double tbv = bv.totalMl();
        double hct0 = patient.hematocritFraction();
        double hbs0 = patient.labs().require(Analyte.HBS, ProcedureType.RED_CELL_EXCHANGE.code());
        double target = spec.targetHbsPercent();
        if (!(target < hbs0)) {
            throw InvalidInputException.of("procedure.targetHbsPercent", MessageKey.NOT_PLANNABLE,
                    "target HbS " + Problem.render(target) + " % is not below the patient's HbS of "
                            + Problem.render(hbs0) + " %; nothing to exchange");
        }
        double share = target / hbs0;
        double hctEnd = spec.targetHematocritPercent() / 100;
        double unitHct = spec.replacementHematocritPercent() / 100;
        double r0 = tbv * hct0;
        double rEnd = tbv * hctEnd;
        double rStartValue = r0;
        if (spec.mode() == ProcedureSpec.RedCellExchangeMode.DEPLETION_EXCHANGE) {
            double hMid = spec.depletionHematocritPercent().getAsDouble() / 100;
            if (!(hMid < hct0) || !(hMid <= hctEnd)) {
                throw InvalidInputException.of("procedure.depletionHematocritPercent", MessageKey.NOT_PLANNABLE,
                        "the depletion haematocrit " + Problem.render(100 * hMid) + " % must be below the patient's "
                                + Problem.render(patient.hematocritPercent()) + " % and not above the target "
                                + Problem.render(spec.targetHematocritPercent()) + " %");
            }
            rStartValue = tbv * hMid;
        }
        double rStart = rStartValue;
        double depletedMl = r0 - rStart;
        double donorMl = RedCellExchangeKinetics.donorRedCellsMl(rStart, rEnd, share);
        double exchangeRemovedMl = RedCellExchangeKinetics.removedRedCellsMl(rStart, rEnd, donorMl);
        if (!(exchangeRemovedMl > 0)) {
            throw InvalidInputException.of("procedure.targetHbsPercent", MessageKey.NOT_PLANNABLE,
                    "raising the haematocrit to " + Problem.render(spec.targetHematocritPercent())
                            + " % by transfusion alone already brings HbS to the target of " + Problem.render(target)
                            + " %; this is a top-up transfusion, not an exchange");
        }
        double removedMl = depletedMl + exchangeRemovedMl;
        assumptions.add(() -> "Red cell volume = TBV x Hct: " + Math.round(r0) + " mL before, " + Math.round(rEnd)
                + " mL at the target haematocrit " + Problem.render(spec.targetHematocritPercent())
                + " %; the blood volume stays constant (isovolaemic exchange).");
        assumptions.add(() -> "Donor red cells carry no HbS, so HbS falls with the patient's own share of red cells:"
                + " target " + Problem.render(target) + " % / " + Problem.render(hbs0) + " % = "
                + Problem.render(Rounding.decimals(share, 3)) + " (the fraction of cells remaining read against the"
                + " end red cell volume).");
        assumptions.add(() -> "Donor red cells V = (Re - Rs) ln(s) / ln(Rs/Re), or Rs ln(1/s) at constant haematocrit:"
                + " continuous removal and replacement at a constant ratio into a perfectly mixed circulation (the"
                + " formula of AYSung/tm-calculator RBCX.vue); no published worked case was found to check it"
                + " against (UNVERIFIED).");
        if (depletedMl > 0) {
            assumptions.add(() -> "Depletion removes " + Math.round(depletedMl) + " mL of the patient's red cells"
                    + " against saline or albumin before donor cells are given (Terumo BCT depletion/exchange).");
        }

        double unitVolume = spec.redCellUnitVolumeMl().orElse(DEFAULT_UNIT_VOLUME_ML.value());
        double redCellsProductMl = donorMl / unitHct;
        int units = (int) Math.ceil(redCellsProductMl / unitVolume - 1e-9);
        assumptions.add(() -> "Donor units at haematocrit " + Problem.render(spec.replacementHematocritPercent())
                + " %: " + Math.round(redCellsProductMl) + " mL, in units of "
                + (spec.redCellUnitVolumeMl().isPresent() ? Problem.render(unitVolume) + " mL as entered"
                        : DEFAULT_UNIT_VOLUME_ML.describe("")) + ", rounded up.");
        double depletionFluidMl = depletedMl / REMOVED_RED_CELL_HEMATOCRIT.value();
        if (depletedMl > 0) {
            assumptions.add(() -> "Depletion fluid replaces the volume removed: "
                    + REMOVED_RED_CELL_HEMATOCRIT.describe("red cells leave at haematocrit") + ".");
        }

        double acRatio = spec.sep().acRatio().orElse(DEFAULT_AC_RATIO.value());
        assumptions.add(() -> spec.sep().acRatio().isPresent() ? "Inlet:AC ratio " + Problem.render(acRatio)
                + " as requested." : DEFAULT_AC_RATIO.describe("Inlet:AC ratio"));
        double depletionProcessedMl = RedCellExchangeKinetics.minimumProcessedMl(tbv, r0, rStart, depletedMl);
        double exchangeProcessedMl = RedCellExchangeKinetics.minimumProcessedMl(tbv, rStart, rEnd, exchangeRemovedMl);
        double processedMl = depletionProcessedMl + exchangeProcessedMl;
        // the anticoagulant leaves only in the fluid removed with the red cells (their share of the plasma stream,
        // as for a cell collection's product); the rest returns with the plasma
        double acVolume = processedMl / (acRatio - 1);
        double acShareOfPlasmaStream = Plans.acShareOfPlasmaStream(processedMl, hct0, acVolume);
        double removedFluidMl = removedMl * (1 / REMOVED_RED_CELL_HEMATOCRIT.value() - 1);
        double acRemovedMl = removedFluidMl * acShareOfPlasmaStream;
        double ownPlasmaRemovedMl = removedFluidMl - acRemovedMl;
        double fractionAcToPatient = 1 - acRemovedMl / acVolume;
        assumptions.add(() -> "Anticoagulant reaching the patient: all but the " + Math.round(acRemovedMl) + " mL in"
                + " the fluid removed with the red cells (their share of the plasma stream at the remove-line"
                + " haematocrit), so " + Math.round(100 * fractionAcToPatient) + "% of it; the citrate of the donor"
                + " units' residual plasma is not counted (no published amount per unit was found).");
        Plans.Chosen inlet = Plans.inletFlow(spec.sep(), device, tbv, acRatio, fractionAcToPatient);
        assumptions.add(() -> inlet.why());
        double inletFlow = inlet.value();
        double acFlow = inletFlow / acRatio;
        double bloodFlow = inletFlow - acFlow;
        double durationMin = device.separationMinutes(processedMl, bloodFlow, hct0, acRatio);
        assumptions.add(() -> "Blood processed " + Math.round(processedMl) + " mL is the least that holds the red"
                + " cells removed (every red cell of the processed blood removed), so the run time of "
                + Math.round(durationMin) + " min is a lower bound; set-up and rinseback are not included (Spectra"
                + " Optia leaves rinseback out of its RBCX predictions too).");
        double acToPatient = acVolume * fractionAcToPatient;
        double citrateMgPerMl = spec.sep().anticoagulant().citrateMgPerMl().value();
        double citrateToPatient = acToPatient * citrateMgPerMl;
        double citrateRate = citrateToPatient / patient.weightKg() / durationMin;
        assumptions.add(() -> spec.sep().anticoagulant().citrateMgPerMl().describe(
                spec.sep().anticoagulant().code() + " citrate") + ".");
        // ionised calcium: the citrate-calcium model the other procedures use, driven by the anticoagulant returned,
        // with the calcium of the plasma that leaves with the removed red cells lost and replaced by calcium-free
        // donor units and depletion fluid, and the calcium infusion entered given
        CalciumSupplement calcium = spec.sep().calcium();
        double perMin = 1.0 / durationMin;
        Exposure exposure = new Exposure(0, 0, acToPatient * CellSessions.AC_FLUID_INTRAVASCULAR_SHARE.value() * perMin,
                Map.of(), Map.of(), citrateToPatient * perMin, ownPlasmaRemovedMl * perMin,
                calcium.infusionMmolPerHour() / 60, 0);
        SessionClock.Run run = SessionClock.run(start, exposure, durationMin, options, processedMl);
        assumptions.addAll(() -> CitrateKinetics.describe());
        assumptions.add(() -> "Calcium leaves with the " + Math.round(ownPlasmaRemovedMl) + " mL of the patient's"
                + " plasma removed with the red cells and is replaced by calcium-free donor units and depletion fluid"
                + " (the model's calcium mass balance, as for the other procedures). UNVERIFIED for this procedure:"
                + " no published ionised calcium series of a red cell exchange with its inputs was found to check the"
                + " prediction against; the model is calibrated on plateletpheresis and plasma exchange.");
        assumptions.add(() -> calcium.any() ? "Calcium infused as entered: "
                + Problem.render(calcium.infusionMmolPerHour()) + " mmol/h."
                : "No calcium given during the run (none entered in procedure.calcium).");

        double ecv = device.extracorporealVolumePlasmaExchangeMl().value();
        assumptions.add(() -> device.extracorporealVolumePlasmaExchangeMl().describe("Extracorporeal volume")
                + "; UNVERIFIED that the red cell exchange runs on the same set.");

        double replacementMl = redCellsProductMl + depletionFluidMl;
        double postHbs = hbs0 * share;
        Map<String, Plan.Prediction> predicted = new LinkedHashMap<>();
        predicted.put(Analyte.HBS.predictedName(), Predictions.prediction(Analyte.HBS.unit(), hbs0, postHbs));
        predicted.put("hematocrit", Predictions.prediction("%", 100 * hct0, 100 * hctEnd));
        predicted.putAll(Predictions.of(run.start(), run.end(), run.ionizedCalciumNadir(), false,
                java.util.Set.of()));
        if (!predicted.containsKey("ionizedCalcium")) {
            assumptions.add(() -> "Ionised calcium is not predicted: the patient's labs give no ionised calcium.");
        }
        assumptions.add(() -> "HbS and haematocrit are predicted to the end of the exchange; what follows it (the"
                + " patient's new red cells, the donor cells' survival) is not modelled.");

        List<Warning> warnings = new ArrayList<>();
        if (options.explain()) {
            SafetyFacts facts = new SafetyFacts(patient.weightKg(), tbv, OptionalDouble.of(ecv),
                    OptionalDouble.of(inletFlow), OptionalDouble.of(acRatio), OptionalDouble.of(acToPatient / durationMin),
                    OptionalDouble.of(fractionAcToPatient), OptionalDouble.of(citrateRate), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "", true);
            warnings.addAll(SafetyRules.check(facts));
            warnings.addAll(RedCellExchangeRules.check(new RedCellExchangeFacts(100 * hct0, 100 * hctEnd, hbs0,
                    postHbs, donorMl - removedMl, units, spec.redCellUnitsAvailable(),
                    hbsWithAvailable(spec, rStart, rEnd, unitVolume, unitHct, hbs0))));
        }

        List<Map<String, Double>> timeline = options.timeline()
                ? withIonizedCalcium(timeline(tbv, r0, rStart, rEnd, donorMl, hbs0, depletionProcessedMl,
                        exchangeProcessedMl, durationMin), run.timeline())
                : null;
        Plan plan = new Plan(
                ProcedureType.RED_CELL_EXCHANGE.code(),
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
                Plan.ReplacementUse.redCells(Math.round(redCellsProductMl), units, spec.replacementHematocritPercent(),
                        unitVolume, Math.round(depletionFluidMl)),
                (double) Math.round(ecv),
                Rounding.decimals(100 * ecv / tbv, 1),
                new Plan.FluidBalance(Math.round(replacementMl), Math.round(replacementMl), Math.round(acToPatient), 0,
                        Math.round(acToPatient)),
                predicted,
                null,
                null,
                1,
                warnings,
                assumptions.list(),
                timeline);
        return new SessionResult(plan, start);
    }

    /** HbS at the target haematocrit with only the available units, when they are fewer than needed and suffice. */
    static OptionalDouble hbsWithAvailable(ProcedureSpec.RedCellExchange spec, double rStart, double rEnd,
            double unitVolumeMl, double unitHct, double hbs0) {
        if (spec.redCellUnitsAvailable().isEmpty()) {
            return OptionalDouble.empty();
        }
        double donor = spec.redCellUnitsAvailable().getAsInt() * unitVolumeMl * unitHct;
        if (!(donor > rEnd - rStart) || !(donor > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Rounding.decimals(hbs0 * RedCellExchangeKinetics.ownShareAfter(rStart, rEnd, donor),
                1));
    }

    /** The run sampled in processed volume: minute, processed volume, haematocrit and HbS. */
    static List<Map<String, Double>> timeline(double tbv, double r0, double rStart, double rEnd, double donorMl,
            double hbs0, double depletionProcessedMl, double exchangeProcessedMl, double durationMin) {
        double total = depletionProcessedMl + exchangeProcessedMl;
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i <= TIMELINE_STEPS; i++) {
            double processed = total * i / TIMELINE_STEPS;
            double redCells;
            double own;
            if (processed <= depletionProcessedMl && depletionProcessedMl > 0) {
                // depletion: dR = -(R / TBV) d processed, so R falls exponentially in processed volume
                redCells = r0 * Math.exp(-processed / tbv);
                own = 1;
            } else {
                double u = exchangeProcessedMl > 0 ? (processed - depletionProcessedMl) / exchangeProcessedMl : 1;
                double infused = donorMl * progressToInfused(tbv, rStart, rEnd, exchangeProcessedMl, u);
                RedCellExchangeKinetics.Point p = RedCellExchangeKinetics.at(rStart, rEnd, donorMl, infused);
                redCells = p.redCellsMl();
                own = p.ownShare();
            }
            Map<String, Double> point = new LinkedHashMap<>();
            point.put("minute", Rounding.decimals(durationMin * i / TIMELINE_STEPS, 1));
            point.put("processedVolumeMl", (double) Math.round(processed));
            point.put("hematocritPercent", Rounding.decimals(100 * redCells / tbv, 1));
            point.put(Analyte.HBS.predictedName(), Rounding.decimals(hbs0 * own, 1));
            out.add(point);
        }
        return out;
    }

    /**
     * The exchange's time course with the ionised calcium of the calcium run at each of its minutes, linear between
     * the run's own points (the two are sampled at different minutes); unchanged when the run has none.
     */
    static List<Map<String, Double>> withIonizedCalcium(List<Map<String, Double>> points,
            List<Map<String, Double>> calciumRun) {
        String key = "ionizedCalcium";
        if (calciumRun == null || calciumRun.isEmpty() || !calciumRun.get(0).containsKey(key)) {
            return points;
        }
        int j = 0;
        for (Map<String, Double> p : points) {
            double m = p.get("minute");
            while (j + 1 < calciumRun.size() && calciumRun.get(j + 1).get("minute") <= m) {
                j++;
            }
            Map<String, Double> a = calciumRun.get(j);
            Map<String, Double> b = calciumRun.get(Math.min(j + 1, calciumRun.size() - 1));
            double ma = a.get("minute");
            double mb = b.get("minute");
            double w = mb > ma ? Math.max(0, Math.min(1, (m - ma) / (mb - ma))) : 0;
            p.put(key, Rounding.decimals(a.get(key) + (b.get(key) - a.get(key)) * w, 3));
        }
        return points;
    }

    /**
     * The share of the donor red cells given when a share {@code u} of the exchange's processed volume has passed:
     * processed volume grows as TBV / span x ln(R / Rs) with R linear in infused volume, so R = Rs (Re/Rs)^u.
     */
    static double progressToInfused(double tbv, double rStart, double rEnd, double processedMl, double u) {
        double span = rEnd - rStart;
        if (Math.abs(span) <= 1e-9 * rStart) {
            return Math.max(0, Math.min(1, u));
        }
        double r = rStart * Math.pow(rEnd / rStart, Math.max(0, Math.min(1, u)));
        return (r - rStart) / span;
    }
}
