package org.openapheresis.server.candidacy;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.patient.PatientRecord;

/**
 * What the checks look at: the patient record with its latest labs, the validated procedure and its plan.
 *
 * @param patient the record, with latest labs
 * @param procedure the validated procedure of the order
 * @param plan the plan computed for it
 * @param today the date of the check (for the age)
 */
public record CandidacyFacts(PatientRecord patient, ProcedureSpec procedure, Plan plan, LocalDate today) {

    public ProcedureType type() {
        return procedure.type();
    }

    public OptionalDouble lab(String field) {
        Double v = patient.labs().get(field);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean usesAlbumin() {
        return plan.replacement() != null && plan.replacement().albuminMl() > 0;
    }

    public boolean usesPlasma() {
        return plan.replacement() != null && plan.replacement().plasmaMl() > 0;
    }
}
