package org.openapheresis.server.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.procedure.Candidacy;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Plans an ordered procedure from a patient's record and latest labs with the core, and runs the candidacy
 * checks, so an order's plan is exactly what the CLI would give for the same request.
 */
public final class RecordPlanning {

    /** What the 422 says when the record cannot be planned. */
    public static final String CANNOT_PLAN = "the order cannot be planned from this procedure and the patient record "
            + "(fields patient.* are the record's values and latest labs)";

    private RecordPlanning() {
    }

    /**
     * A plan request, its plan and the warnings an order needs acknowledged.
     *
     * @param request the request built from the record
     * @param plan its plan
     * @param warnings candidacy warnings, then the plan's own
     */
    public record Evaluation(PlanRequest request, Plan plan, List<Warning> warnings) {
        public Evaluation {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The core patient a record describes, with its latest labs.
     *
     * @throws InvalidInputException naming {@code patient.*} fields when the record lacks what a plan needs
     */
    public static Patient patient(PatientRecord p, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (p.heightCm().isEmpty()) {
            problems.add(Problem.of("patient.heightCm", MessageKey.REQUIRED));
        }
        if (p.weightKg().isEmpty()) {
            problems.add(Problem.of("patient.weightKg", MessageKey.REQUIRED));
        }
        Double hct = p.labs().get(LabField.HEMATOCRIT);
        if (hct == null) {
            problems.add(Problem.of("patient.hematocritPercent", MessageKey.REQUIRED));
        }
        Map<Analyte, Double> values = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            Double v = p.labs().get(a.field());
            if (v != null) {
                values.put(a, v);
            }
        }
        OptionalDouble age = OptionalDouble.of(p.ageYears(today));
        if (problems.isEmpty()) {
            problems.addAll(Patient.problems(age, p.heightCm().getAsDouble(), p.weightKg().getAsDouble(), hct,
                    OptionalDouble.empty()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(CANNOT_PLAN, problems);
        }
        return new Patient(p.sex(), age, p.heightCm().getAsDouble(), p.weightKg().getAsDouble(), hct,
                OptionalDouble.empty(), new Labs(values));
    }

    /**
     * Plans a procedure from the record and runs the checks.
     *
     * @param indicationIcd10 the order's indication, when it has one (a rule reads it: leukocytapheresis in APL)
     * @throws InvalidInputException listing every problem when it cannot be planned
     */
    public static Evaluation evaluate(PatientRecord p, ProcedureSpec procedure, OptionalDouble recipientWeightKg,
            int sessionsOrdered, java.util.Optional<String> indicationIcd10, LocalDate today) {
        Patient patient = patient(p, today);
        List<Problem> problems = new ArrayList<>();
        PlanRequestReader.requireLabs(patient, procedure, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(CANNOT_PLAN, problems);
        }
        return evaluate(new PlanRequest(patient, recipientWeightKg, procedure), p, sessionsOrdered, indicationIcd10);
    }

    /**
     * Plans a request already built (an order's stored request) and runs the checks against the record and the
     * sessions the order prescribes.
     */
    public static Evaluation evaluate(PlanRequest request, PatientRecord p, int sessionsOrdered,
            java.util.Optional<String> indicationIcd10) {
        try {
            Plan plan = Planner.plan(request, PlanOptions.withoutTimeline());
            return new Evaluation(request, plan, Candidacy.check(request, plan, p.history(), sessionsOrdered,
                    indicationIcd10));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(CANNOT_PLAN, e.problems());
        }
    }
}
