package org.openapheresis.procedure;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.kinetics.CellKinetics;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Sourced;

/**
 * Leukocytapheresis (white cell depletion) for hyperleukocytosis, including CLL.
 *
 * <p>Dose: blood volumes processed (default 2.0) or a post-procedure WBC target. White cells leave the
 * circulation at the blood flow times the removal efficiency and the marginated, tissue and marrow pool
 * refills it ({@link CellKinetics#WBC}); the model is calibrated to the published 30-60% fall per procedure
 * of 1.5-2 blood volumes (UT Southwestern "White Cell Depletion"; worked case 20, docs/reference-cases.md). A
 * target is met by the smallest volume whose predicted post count reaches it; when one session of at most 2
 * blood volumes (ASFA 2023: 1.5-2 TBV per procedure) cannot, the plan counts the daily procedures needed
 * assuming cytoreduction alongside (no regrowth between procedures, only refill from the marginated pool): a
 * lower bound, and said so.
 */
public final class LeukocytapheresisPlanner {

    /** Largest volume of one procedure: 2 blood volumes (ASFA 2023 hyperleukocytosis fact sheet: 1.5-2 TBV). */
    public static final Sourced MAX_BLOOD_VOLUMES = Sourced.verified(2.0, "TBV",
            "1.5-2 TBV per procedure, ASFA 2023 hyperleukocytosis fact sheet (Connelly-Smith, J Clin Apher 2023)");

    /** Daily procedures looked at before a target is declared unreachable. */
    public static final int MAX_DAILY_SESSIONS = 10;

    /**
     * Product volume per blood volume processed, mL. UNVERIFIED: no source excerpt gave white cell depletion
     * product volumes; about 500 mL for a 2-TBV procedure is assumed.
     */
    static final Sourced PRODUCT_ML_PER_BLOOD_VOLUME = Sourced.unverified(250, "mL",
            "white cell depletion product volume, no source found; about 500 mL per 2 TBV assumed");

    /**
     * Product haematocrit. UNVERIFIED: Terumo BCT warns that red cells are removed in WBCD procedures (monitor
     * Hct), but no figure was found; 10% is assumed.
     */
    static final Sourced PRODUCT_HEMATOCRIT = Sourced.unverified(0.10, "",
            "red cells are removed in WBCD procedures (Terumo BCT); product haematocrit 10% assumed");

    private LeukocytapheresisPlanner() {
    }

    static CellSessions.Product product(ProcedureSpec.Leukocytapheresis spec, PlanOptions options) {
        return new CellSessions.Product(ProcedureType.LEUKOCYTAPHERESIS, Analyte.WBC, CellKinetics.WBC,
                Plans.varied(spec.sep().device().profile().cellCollection().wbcRemovalEfficiency(), options.variation(),
                        org.openapheresis.variation.Parameter.WBC_REMOVAL), PRODUCT_ML_PER_BLOOD_VOLUME,
                PRODUCT_HEMATOCRIT);
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.Leukocytapheresis spec,
            org.openapheresis.kinetics.BodyState start, PlanOptions options) {
        CellSessions.Product p = product(spec, options);
        CellSessions.Setup s = CellSessions.setup(request, spec.sep(), start, p, options);
        double pre = s.preCount(Analyte.WBC);
        double processedMl;
        int sessions = 1;
        String description = "";
        if (spec.targetWbcE9PerL().isPresent()) {
            double target = spec.targetWbcE9PerL().getAsDouble();
            String field = "procedure.target.wbcE9PerL";
            if (target >= pre) {
                throw CellSessions.unreachable(field, "target " + Problem.render(target)
                        + " x10^9/L is not below the pre-procedure WBC of " + Problem.render(pre)
                        + " x10^9/L; nothing to deplete");
            }
            double maxMl = CellSessions.maxProcessedMl(s, p, MAX_BLOOD_VOLUMES);
            s.assumptions().add(CellSessions.limitSentence(s, p, MAX_BLOOD_VOLUMES));
            if (CellSessions.postCount(s, p, maxMl) <= target) {
                processedMl = volumeToReach(s, p, target, maxMl);
                s.assumptions().add("Volume: the smallest that brings the predicted WBC to the target of "
                        + Problem.render(target) + " x10^9/L.");
            } else {
                OptionalInt days = CellSessions.dailySessionsToReach(s, p, maxMl, target, MAX_DAILY_SESSIONS, false);
                if (days.isEmpty()) {
                    throw CellSessions.unreachable(field, "target " + Problem.render(target)
                            + " x10^9/L is not reached in " + MAX_DAILY_SESSIONS + " daily procedures of "
                            + Problem.render((double) Math.round(maxMl)) + " mL even without regrowth between them;"
                            + " plan a first procedure by blood volumes");
                }
                sessions = days.getAsInt();
                processedMl = maxMl;
                description = "WBC " + Problem.render(target) + " x10^9/L from " + Problem.render(pre)
                        + " x10^9/L; daily procedures of " + Problem.render(MAX_BLOOD_VOLUMES.value())
                        + " blood volumes with cytoreductive treatment alongside";
                s.assumptions().add(CellSessions.DAILY_INTERVAL_HOURS.describe(
                        "Sessions needed are counted with procedures every") + ", each at the largest volume,"
                        + " assuming cytoreductive treatment runs alongside so the count does not regrow between"
                        + " procedures (the marginated pool still refills the circulation); without it more"
                        + " procedures are needed. This is a lower bound, not a prediction of the course.");
            }
        } else {
            processedMl = CellSessions.volumeOfDose(s, spec.bloodVolumesProcessed());
        }
        CellSessions.Session session = CellSessions.session(s, p, processedMl);
        SessionClock.Run run = CellSessions.run(s, session, options);
        double removedCells = run.removed(Analyte.WBC) * 1e9;
        Plan.Collected collected = new Plan.Collected(null, null, null, null, null, CellSessions.cells(removedCells),
                (double) Math.round(session.productMl()), null);
        s.assumptions().add("wbcCells is the number of white cells the simulation takes out of the circulation.");
        return CellSessions.finish(s, p, session, run, collected, sessions, description, OptionalDouble.empty(),
                options);
    }

    /** Smallest whole-mL volume whose predicted post count is at or below the target (bisection). */
    static double volumeToReach(CellSessions.Setup s, CellSessions.Product p, double target, double maxMl) {
        double lo = 0;
        double hi = maxMl;
        while (hi - lo > 1) {
            double mid = (lo + hi) / 2;
            if (CellSessions.postCount(s, p, mid) <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.ceil(hi);
    }
}
