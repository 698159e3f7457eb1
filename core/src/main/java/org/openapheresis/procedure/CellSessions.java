package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.openapheresis.kinetics.AnalyteKinetics;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CitrateKinetics;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.separator.DeviceProfile;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Steps every cell procedure shares (leukocytapheresis and the HPC, lymphocyte and granulocyte collections).
 *
 * <p>Volumes: whole blood processed V (anticoagulant excluded); AC pumped V / (ratio - 1). No plasma is
 * discarded: only the product leaves the body, and it takes with it the anticoagulant of its own plasma. The
 * product's plasma carries the same share of AC as the plasma stream in the separator, so the share of AC that
 * reaches the patient does not depend on V; with products of about 100-250 mL per blood volume it is above 90%,
 * far more than the 13% of a plasma exchange. Citrate to the patient is correspondingly higher.
 *
 * <p>Kinetics: the target cells leave the circulation at the blood flow through the separator times the
 * removal efficiency, on the current count; a second pool (marginated, tissue or marrow cells) refills the
 * circulation ({@link org.openapheresis.kinetics.CellKinetics}). Platelets leave with the product at the
 * device's platelet removal efficiency, and red cells with the product's haematocrit.
 */
final class CellSessions {

    /**
     * Default inlet:AC ratio of the cell procedures: 12 (contract plan-v1; the Spectra Optia WBCD default,
     * operator's manual Table 4-13).
     */
    static final Sourced DEFAULT_AC_RATIO = Sourced.verified(12, "",
            "default inlet:AC ratio 12:1 for cell procedures, Spectra Optia WBCD default, manual Table 4-13");

    /**
     * Blood volumes processed when the request gives neither a dose nor a target: 2.0, the contract's default
     * for leukocytapheresis and the Spectra Optia WBCD default (manual Table 4-13); used for the collections
     * too.
     */
    static final Sourced DEFAULT_BLOOD_VOLUMES = Sourced.verified(2.0, "TBV",
            "default 2 TBV processed, Spectra Optia WBCD default, manual Table 4-13 (applied to every cell"
                    + " procedure)");

    /** Longest run of one session, min: the top of the Spectra Optia run-time range 40-480 (Table 4-13). */
    static final Sourced MAX_RUN_MIN = Sourced.verified(480, "min",
            "top of the Spectra Optia run-time range 40-480 min, manual Table 4-13");

    /**
     * Largest volume one collection session processes: large-volume leukapheresis, 4 blood volumes (J Clin
     * Apher 2009, jca.20191; median 3.5, range 3.3-4.4 in allogeneic donors).
     */
    static final Sourced LARGE_VOLUME_BLOOD_VOLUMES = Sourced.verified(4, "TBV",
            "large-volume leukapheresis processes 4 TBV, J Clin Apher 2009 (jca.20191)");

    /** Interval between daily sessions when counting sessions for a target, hours (ASFA: daily as needed). */
    static final Sourced DAILY_INTERVAL_HOURS = Sourced.verified(24, "h",
            "daily procedures as needed, ASFA 2023 hyperleukocytosis fact sheet");

    /**
     * Share of the anticoagulant returned to the patient that stays in the circulation during the run.
     * UNVERIFIED: ACD-A is a crystalloid, which spreads over the extracellular fluid, of which plasma is about a
     * quarter; the rest moves to the interstitium. (Plasma exchange returns little AC and keeps it all.)
     */
    static final Sourced AC_FLUID_INTRAVASCULAR_SHARE = Sourced.unverified(0.25, "",
            "crystalloid anticoagulant spreads over the extracellular fluid; about a quarter stays in the plasma");

    /**
     * Whole blood taken for laboratory samples during a session, mL. UNVERIFIED: no source gave a volume; a few
     * tubes before, during and after (counts, ionised calcium) are assumed.
     */
    static final Sourced SAMPLES_ML = Sourced.unverified(20, "mL",
            "blood taken for laboratory samples in a session, a few tubes assumed");

    private CellSessions() {
    }

    /**
     * What a cell procedure takes out and how.
     *
     * @param type the procedure type
     * @param target the cells removed or collected
     * @param kinetics their two-pool kinetics
     * @param removalEfficiency share of the target cells passing through that the separator takes, on the
     *     current count
     * @param productMlPerBloodVolume product volume per blood volume processed, mL
     * @param productHematocrit haematocrit of the product, 0..1
     */
    record Product(ProcedureType type, Analyte target, AnalyteKinetics kinetics, Sourced removalEfficiency,
            Sourced productMlPerBloodVolume, Sourced productHematocrit) {

        /** The analytes the procedure changes: its target and the platelets. */
        Set<Analyte> changed() {
            return EnumSet.of(target, Analyte.PLATELETS);
        }
    }

    /**
     * The parts of a session that do not depend on the volume processed.
     *
     * @param request the request
     * @param sep separator settings
     * @param bv blood volume
     * @param device device profile
     * @param acRatio inlet:AC ratio
     * @param body the body at the start, tracking the target cells
     * @param assumptions sentences so far
     */
    record Setup(PlanRequest request, Separation sep, BloodVolume bv, DeviceProfile device, double acRatio,
            BodyState body, List<String> assumptions) {

        double preCount(Analyte a) {
            return body.concentration(a).getAsDouble();
        }

        double bloodVolumeMl() {
            return bv.totalMl();
        }
    }

    /** The parts of a session that follow from the volume processed. */
    record Session(double processedMl, double productMl, double acVolumeMl, double acToPatientMl,
            double fractionAcToPatient, Plans.Chosen inlet, double acFlowMlPerMin, double durationMin,
            double citrateToPatientMg, double removedFromPatientMl, Exposure exposure) {
    }

    /** Blood volume, device, AC ratio, and the body with the target cells in their pools. */
    /** CE2 of a collection, 0..1: the request's {@code collectionEfficiencyPercent}, else the device's default. */
    static Sourced ce2(OptionalDouble requestedPercent, Sourced deviceDefault) {
        return requestedPercent.isPresent()
                ? Sourced.verified(requestedPercent.getAsDouble() / 100, "", "as requested")
                : deviceDefault;
    }

    static Setup setup(PlanRequest request, Separation sep, BodyState start, Product product, PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        DeviceProfile device = sep.device().profile();
        List<String> assumptions = new ArrayList<>();
        assumptions.add(bv.assumption());
        double acRatio = sep.acRatio().orElse(DEFAULT_AC_RATIO.value());
        assumptions.add(sep.acRatio().isPresent() ? "Inlet:AC ratio " + Problem.render(acRatio) + " as requested."
                : DEFAULT_AC_RATIO.describe("Inlet:AC ratio") + ".");
        BodyState body = start;
        if (!body.pools().containsKey(product.target())) {
            double pre = patient.labs().require(product.target(), product.type().code());
            body = body.withAnalyte(product.kinetics(), pre);
        }
        return new Setup(request, sep, bv, device, acRatio, body, assumptions);
    }

    /** Volumes, flows, run time and the exposure of one session processing {@code processedMl}. */
    static Session session(Setup s, Product p, double processedMl) {
        if (!(processedMl > 0)) {
            throw new IllegalArgumentException("processed volume must be positive, was " + processedMl);
        }
        double hct = s.request().patient().hematocritFraction();
        double tbv = s.bloodVolumeMl();
        double productMl = p.productMlPerBloodVolume().value() * processedMl / tbv;
        double productHct = p.productHematocrit().value();
        double acVolume = processedMl / (s.acRatio() - 1);
        double acShareOfPlasmaStream = Plans.acShareOfPlasmaStream(processedMl, hct, acVolume);
        double productFluid = productMl * (1 - productHct);
        double acInProduct = productFluid * acShareOfPlasmaStream;
        double fractionToPatient = 1 - acInProduct / acVolume;
        double acToPatient = acVolume - acInProduct;
        double ownPlasma = productFluid - acInProduct;
        double redCells = productMl * productHct;

        Plans.Chosen inlet = Plans.inletFlow(s.sep(), s.device(), tbv, s.acRatio(), fractionToPatient);
        double acFlow = inlet.value() / s.acRatio();
        double bloodFlow = inlet.value() - acFlow;
        double durationMin = s.device().separationMinutes(processedMl, bloodFlow, hct, s.acRatio());
        double citrate = acToPatient * s.sep().anticoagulant().citrateMgPerMl().value();

        double perMin = 1.0 / durationMin;
        Map<Analyte, Double> clearance = new EnumMap<>(Analyte.class);
        clearance.put(p.target(), processedMl * p.removalEfficiency().value() * perMin);
        clearance.put(Analyte.PLATELETS,
                processedMl * s.device().cellCollection().plateletRemovalEfficiency().value() * perMin);
        Exposure exposure = new Exposure(ownPlasma * perMin, redCells * perMin,
                acToPatient * AC_FLUID_INTRAVASCULAR_SHARE.value() * perMin, clearance,
                Map.of(), citrate * perMin, ownPlasma * perMin, s.sep().calcium().infusionMmolPerHour() / 60, 0);
        return new Session(processedMl, productMl, acVolume, acToPatient, fractionToPatient, inlet, acFlow,
                durationMin, citrate, ownPlasma + redCells, exposure);
    }

    /**
     * Largest volume one session may process: {@code maxBloodVolumes} x TBV, lowered to what the longest run
     * time allows at this session's flow.
     */
    static double maxProcessedMl(Setup s, Product p, Sourced maxBloodVolumes) {
        double byVolume = maxBloodVolumes.value() * s.bloodVolumeMl();
        // Run time is proportional to the volume at a fixed flow (the share of AC to the patient, hence the
        // flow, does not depend on the volume).
        double minutes = session(s, p, byVolume).durationMin();
        double byTime = byVolume * MAX_RUN_MIN.value() / minutes;
        return Math.floor(Math.min(byVolume, byTime));
    }

    /** Sentence naming the per-session limit that applies. */
    static String limitSentence(Setup s, Product p, Sourced maxBloodVolumes) {
        double max = maxProcessedMl(s, p, maxBloodVolumes);
        boolean timeBound = max < Math.floor(maxBloodVolumes.value() * s.bloodVolumeMl());
        return "One session processes at most " + Problem.render((double) Math.round(max)) + " mL: "
                + (timeBound ? MAX_RUN_MIN.describe("the longest run,") + " at this flow, is reached before "
                        + maxBloodVolumes.describe("").strip() : maxBloodVolumes.describe("").strip()) + ".";
    }

    /** The target count at the end of a session processing {@code processedMl} (a fast one-analyte run). */
    static double postCount(Setup s, Product p, double processedMl) {
        Session session = session(s, p, processedMl);
        return throughCircuit(s, s.body().only(p.target()), session).concentration(p.target()).getAsDouble();
    }

    /**
     * Daily sessions of {@code processedMl} each needed to bring the target count to {@code targetCount} or
     * below, with recovery between them; empty when {@code maxSessions} are not enough.
     */
    static java.util.OptionalInt dailySessionsToReach(Setup s, Product p, double processedMl, double targetCount,
            int maxSessions, boolean regrowth) {
        Session session = session(s, p, processedMl);
        BodyState body = s.body().only(p.target());
        for (int k = 1; k <= maxSessions; k++) {
            body = throughCircuit(s, body, session);
            if (body.concentration(p.target()).getAsDouble() <= targetCount) {
                return java.util.OptionalInt.of(k);
            }
            double gap = DAILY_INTERVAL_HOURS.value() * 60 - session.durationMin();
            body = Simulator.run(regrowth ? body : body.withoutTurnover(p.target()), Exposure.none(),
                    Math.max(0, gap), Simulator.BETWEEN_STEP_MIN, 0, null);
        }
        return java.util.OptionalInt.empty();
    }

    /**
     * The volume and sessions of a collection target.
     *
     * @param processedMl whole blood to process in this session, mL
     * @param sessions sessions the target needs
     * @param maxMl the most one session may process, mL
     */
    record Dose(double processedMl, int sessions, double maxMl) {
    }

    /**
     * A collection target that needs {@code neededMl} of blood processed: all of it (rounded up to whole mL) in
     * one session when one session may process it, else the largest session and the number of sessions.
     */
    static Dose collectionDose(Setup s, Product p, double neededMl) {
        double maxMl = maxProcessedMl(s, p, LARGE_VOLUME_BLOOD_VOLUMES);
        s.assumptions().add(limitSentence(s, p, LARGE_VOLUME_BLOOD_VOLUMES));
        if (neededMl <= maxMl) {
            return new Dose(Math.ceil(neededMl), 1, maxMl);
        }
        s.assumptions().add("Sessions needed assume the same pre-procedure count and CE2 on each day.");
        return new Dose(maxMl, (int) Math.ceil(neededMl / maxMl), maxMl);
    }

    /** The processed volume of a dose in blood volumes (default 2.0), whole mL. */
    static double volumeOfDose(Setup s, OptionalDouble bloodVolumesProcessed) {
        if (bloodVolumesProcessed.isPresent()) {
            s.assumptions().add("Dose: " + Problem.render(bloodVolumesProcessed.getAsDouble())
                    + " blood volumes processed as requested.");
            return Math.round(bloodVolumesProcessed.getAsDouble() * s.bloodVolumeMl());
        }
        s.assumptions().add(DEFAULT_BLOOD_VOLUMES.describe("Dose: no volume or target given; the default") + ".");
        return Math.round(DEFAULT_BLOOD_VOLUMES.value() * s.bloodVolumeMl());
    }

    /** A request field error: a target that this patient's counts cannot reach. */
    static InvalidInputException unreachable(String field, String reason) {
        return InvalidInputException.of(field, MessageKey.NOT_PLANNABLE, reason);
    }

    /**
     * Runs the session and assembles the plan.
     *
     * @param collected the product, built by the caller from the run
     * @param sessionsNeeded sessions the target needs (1 when none)
     * @param targetDescription the target and the volume it needs, for the warning
     * @param initialCd3PerKgDose the first DLI dose, or empty
     */
    static SessionResult finish(Setup s, Product p, Session session, SessionClock.Run run, Plan.Collected collected,
            int sessionsNeeded, String targetDescription, OptionalDouble initialCd3PerKgDose, PlanOptions options) {
        Patient patient = s.request().patient();
        List<String> a = s.assumptions();
        a.add(session.inlet().why());
        if (s.device().intermittent()) {
            a.add("Run time includes the return phase of "
                    + Problem.render(Rounding.decimals(
                            s.device().cycle().cycles(session.processedMl(), patient.hematocritFraction()), 1))
                    + " bowl cycles at " + s.device().cycle().returnFlowMlPerMin().describe("a return flow of") + ".");
        }
        a.add(p.productMlPerBloodVolume().describe("Product volume per blood volume processed") + "; "
                + p.productHematocrit().describe("product haematocrit") + ".");
        a.add("No plasma is discarded: only the product's plasma takes anticoagulant with it, so "
                + Math.round(100 * session.fractionAcToPatient()) + "% of the anticoagulant reaches the patient.");
        a.add(s.sep().anticoagulant().citrateMgPerMl().describe(s.sep().anticoagulant().code() + " citrate") + ".");
        a.add(AC_FLUID_INTRAVASCULAR_SHARE.describe("Anticoagulant and saline staying in the circulation") + ".");
        a.add(circuitSentence(s));
        a.add(p.removalEfficiency().describe("Removal efficiency of " + p.target().predictedName()
                + " in the simulation (on the current count)") + ".");
        a.add(s.device().cellCollection().plateletRemovalEfficiency().describe(
                "Platelets taken with the product per blood volume passing through") + ".");
        for (Analyte an : p.changed()) {
            if (s.body().kinetics().containsKey(an)) {
                a.addAll(s.body().kinetics().get(an).describe());
            }
        }
        a.addAll(CitrateKinetics.describe());
        a.add(s.sep().calcium().any() ? "Calcium infused as entered: "
                + Problem.render(s.sep().calcium().infusionMmolPerHour()) + " mmol/h."
                : "No calcium given during the run (none entered in procedure.calcium).");

        double ecv = s.device().extracorporealVolumeCellCollectionMl().value();
        a.add(s.device().extracorporealVolumeCellCollectionMl().describe("Extracorporeal volume") + ".");
        double duration = session.durationMin();
        double citrateRate = session.citrateToPatientMg() / patient.weightKg() / duration;
        Map<String, Plan.Prediction> predicted = Predictions.of(run.start(), run.end(), run.ionizedCalciumNadir(),
                true, p.changed());
        SafetyFacts facts = new SafetyFacts(patient.weightKg(), s.bloodVolumeMl(), OptionalDouble.of(ecv),
                OptionalDouble.of(session.inlet().value()), OptionalDouble.of(s.acRatio()),
                OptionalDouble.of(session.acToPatientMl() / duration), OptionalDouble.of(session.fractionAcToPatient()),
                OptionalDouble.of(citrateRate), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                run.end().pools().containsKey(Analyte.PLATELETS) ? run.end().concentration(Analyte.PLATELETS)
                        : OptionalDouble.empty(),
                sessionsNeeded, targetDescription, true, initialCd3PerKgDose);
        double removed = session.removedFromPatientMl();
        Plan plan = new Plan(
                p.type().code(),
                s.sep().device().code(),
                Math.round(s.bloodVolumeMl()),
                s.bv().method().code(),
                Math.round(s.bv().plasmaMl()),
                (double) Math.round(session.processedMl()),
                Rounding.decimals(session.processedMl() / s.bloodVolumeMl(), 2),
                null,
                null,
                Rounding.decimals(session.inlet().value(), 1),
                Rounding.decimals(session.acFlowMlPerMin(), 1),
                Math.round(duration),
                new Plan.AnticoagulantUse(s.sep().anticoagulant().code(), s.acRatio(), Math.round(session.acVolumeMl()),
                        Math.round(session.acToPatientMl()), Rounding.decimals(citrateRate, 2),
                        Math.round(session.citrateToPatientMg())),
                null,
                (double) Math.round(ecv),
                Rounding.decimals(100 * ecv / s.bloodVolumeMl(), 1),
                new Plan.FluidBalance(Math.round(removed), 0, Math.round(session.acToPatientMl()), 0,
                        Math.round(session.acToPatientMl() - removed)),
                predicted,
                collected,
                null,
                sessionsNeeded,
                SafetyRules.check(facts),
                a,
                run.timeline());
        return new SessionResult(plan, run.end());
    }

    /**
     * Runs the simulation of a session with the circuit: at the start the patient's blood fills the saline-primed
     * circuit (its volume of whole blood is outside the body for the run) and the displaced saline enters the
     * patient; at the end the rinseback returns the circuit's blood with saline behind it, and the samples taken
     * are gone. Saline stays in the circulation in the same share as the anticoagulant fluid. The timeline shows
     * the run with the circuit full; the plan's post values are after the rinseback.
     */
    static SessionClock.Run run(Setup s, Session session, PlanOptions options) {
        double ecv = s.device().extracorporealVolumeCellCollectionMl().value();
        double retained = ecv * AC_FLUID_INTRAVASCULAR_SHARE.value();
        BodyState.Withdrawal filled = s.body().withdrawn(ecv, retained);
        SessionClock.Run r = SessionClock.run(filled.body(), session.exposure(), session.durationMin(), options,
                session.processedMl());
        BodyState rinsed = r.end().withReturned(filled.held(), retained);
        BodyState end = rinsed.withdrawn(SAMPLES_ML.value(), 0).body();
        return new SessionClock.Run(s.body(), end, r.ionizedCalciumNadir(), r.timeline(), r.removed());
    }

    /** One session without samples of its course: circuit filled, the run, rinseback and samples. */
    static BodyState throughCircuit(Setup s, BodyState body, Session session) {
        double ecv = s.device().extracorporealVolumeCellCollectionMl().value();
        double retained = ecv * AC_FLUID_INTRAVASCULAR_SHARE.value();
        BodyState.Withdrawal filled = body.withdrawn(ecv, retained);
        BodyState end = Simulator.runAuto(filled.body(), session.exposure(), session.durationMin(),
                Simulator.PROCEDURE_MAX_STEP_MIN, 0, null);
        return end.withReturned(filled.held(), retained).withdrawn(SAMPLES_ML.value(), 0).body();
    }

    /** Sentence for the plan's assumptions about the circuit, the rinseback and the samples. */
    static String circuitSentence(Setup s) {
        return "The saline-primed circuit ("
                + s.device().extracorporealVolumeCellCollectionMl().describe("") .strip()
                + ") holds the patient's blood during the run, its saline entering the patient; the rinseback returns"
                + " the blood with saline; " + SAMPLES_ML.describe("samples take") + "; post values are after the"
                + " rinseback.";
    }

    /** Rounds a cell count for reporting to 3 significant digits. */
    static double cells(double count) {
        return Rounding.significant(count, 3);
    }
}
