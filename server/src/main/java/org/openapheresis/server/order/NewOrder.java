package org.openapheresis.server.order;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.course.CourseSchedule;
import org.openapheresis.procedure.ProcedureSpec;

/**
 * A prescription as a physician writes it.
 *
 * @param patientId the patient or donor
 * @param indication why (always given for an order; a preview may leave it out)
 * @param procedure what to do and how much (the core's validated spec)
 * @param recipientWeightKg the recipient's weight for a collected product; empty when autologous
 * @param schedule the course, when more than one session is ordered
 * @param preProcedureLabs the labs to have current before each session, when the physician asks for any
 */
public record NewOrder(String patientId, Optional<Indication> indication, ProcedureSpec procedure,
        OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule, Optional<PreProcedureLabs> preProcedureLabs) {

    /** An order asking for no pre-procedure labs. */
    public NewOrder(String patientId, Optional<Indication> indication, ProcedureSpec procedure,
            OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule) {
        this(patientId, indication, procedure, recipientWeightKg, schedule, Optional.empty());
    }

    public NewOrder {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(recipientWeightKg, "recipientWeightKg");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(preProcedureLabs, "preProcedureLabs");
    }
}
