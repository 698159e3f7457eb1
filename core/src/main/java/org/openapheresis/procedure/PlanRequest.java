package org.openapheresis.procedure;

import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.patient.Patient;

/**
 * One plan request (contract plan-v1): who is connected, who receives the product, what to do.
 *
 * @param patient the patient or donor on the machine
 * @param recipientWeightKg weight of the person who receives a collected product; empty means the patient
 *     (autologous)
 * @param procedure what to do and how much
 */
public record PlanRequest(Patient patient, OptionalDouble recipientWeightKg, ProcedureSpec procedure) {

    public PlanRequest {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recipientWeightKg, "recipientWeightKg");
        Objects.requireNonNull(procedure, "procedure");
        recipientWeightKg.ifPresent(w -> Patient.WEIGHT_KG.require("recipient.weightKg", w));
    }

    /** Weight that doses per kg refer to: the recipient's, or the patient's when autologous. */
    public double doseWeightKg() {
        return recipientWeightKg.orElse(patient.weightKg());
    }
}
