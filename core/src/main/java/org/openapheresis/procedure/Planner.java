package org.openapheresis.procedure;

import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.OutcomeRules;
import org.openapheresis.safety.PlanOutcome;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * The single entry point of the planner: one request in, one plan out. The CLI, the HTTP API and the web
 * page all call this, so the three doors give the same numbers.
 */
public final class Planner {

    private Planner() {
    }

    /** The patient's body before a first procedure: every analyte with a pre value, in equilibrium. */
    public static BodyState steadyState(Patient patient) {
        return steadyState(patient, PlanOptions.withoutTimeline());
    }

    /** The body before a first procedure with the options' model parameters (a virtual patient's). */
    public static BodyState steadyState(Patient patient, PlanOptions options) {
        BloodVolume bv = Plans.bloodVolume(patient, options);
        return Plans.steadyState(patient, bv, options.variation());
    }

    /** Plans one session for a patient in their steady state. */
    public static Plan plan(PlanRequest request, PlanOptions options) {
        return session(request, null, options).plan();
    }

    /**
     * Plans one session starting from a simulated body (a later session of a course), or from the patient's
     * steady state when {@code start} is null.
     */
    public static SessionResult session(PlanRequest request, BodyState start, PlanOptions options) {
        SessionResult r = simulate(request, start, options);
        if (!options.explain()) {
            return r;
        }
        return new SessionResult(r.plan().withWarningsAdded(OutcomeRules.check(outcome(request, r.plan()))), r.end());
    }

    /** What a plan predicts, for the rules on its outcome. */
    static PlanOutcome outcome(PlanRequest request, Plan plan) {
        ProcedureType type = request.procedure().type();
        Plan.Prediction ca = plan.predicted().get(Analyte.IONIZED_CALCIUM.predictedName());
        Plan.Prediction igg = plan.predicted().get(Analyte.IGG.predictedName());
        return new PlanOutcome(type.displayName(), type.onSeparator(), type.onSeparator()
                && (type == ProcedureType.LEUKOCYTAPHERESIS || type.collectsProduct()), plan.durationMin(),
                plan.bloodVolumesProcessed() == null ? OptionalDouble.empty()
                        : OptionalDouble.of(plan.bloodVolumesProcessed()),
                ca == null || ca.nadir() == null ? OptionalDouble.empty() : OptionalDouble.of(ca.nadir()),
                igg == null ? OptionalDouble.empty() : OptionalDouble.of(igg.post()));
    }

    private static SessionResult simulate(PlanRequest request, BodyState start, PlanOptions options) {
        BodyState body = start == null ? steadyState(request.patient(), options) : start;
        ProcedureSpec spec = request.procedure();
        if (spec instanceof ProcedureSpec.PlasmaExchange pe) {
            return PlasmaExchangePlanner.plan(request, pe, body, options);
        }
        if (spec instanceof ProcedureSpec.Leukocytapheresis l) {
            return LeukocytapheresisPlanner.plan(request, l, body, options);
        }
        if (spec instanceof ProcedureSpec.HpcCollection h) {
            return HpcCollectionPlanner.plan(request, h, body, options);
        }
        if (spec instanceof ProcedureSpec.LymphocyteCollection ly) {
            return LymphocyteCollectionPlanner.plan(request, ly, body, options);
        }
        if (spec instanceof ProcedureSpec.GranulocyteCollection g) {
            return GranulocyteCollectionPlanner.plan(request, g, body, options);
        }
        if (spec instanceof ProcedureSpec.IvigInfusion i) {
            return IvigPlanner.plan(request, i, body, options);
        }
        if (spec instanceof ProcedureSpec.RedCellExchange rcx) {
            return RedCellExchangePlanner.plan(request, rcx, body, options);
        }
        if (spec instanceof ProcedureSpec.Photopheresis ecp) {
            return PhotopheresisPlanner.plan(request, ecp, body, options);
        }
        if (spec instanceof ProcedureSpec.AdsorptiveCytapheresis gma) {
            return AdsorptiveCytapheresisPlanner.plan(request, gma, body, options);
        }
        if (spec instanceof ProcedureSpec.Immunoadsorption ia) {
            return ImmunoadsorptionPlanner.plan(request, ia, body, options);
        }
        throw InvalidInputException.of("procedure.type", MessageKey.NOT_PLANNABLE,
                "procedure type " + spec.type().code() + " is not supported by this version of the planner");
    }
}
