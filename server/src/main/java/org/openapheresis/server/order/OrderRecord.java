package org.openapheresis.server.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestWriter;
import org.openapheresis.course.CourseSchedule;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.guideline.GuidelineMatch;

/**
 * A prescription as stored and answered. The plan request (the patient as recorded when ordered, the procedure,
 * the recipient) and the plan stay the core's types from the planner to the database and back.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param patientId the patient or donor
 * @param indication ICD-10 code and text
 * @param request the plan request the order was planned from (answered as {@code procedure}, {@code recipient}
 *     and {@code planRequest})
 * @param schedule the course, when more than one session is ordered
 * @param guideline the guideline category with its source
 * @param plan the plan (contract plan-v1) computed from the patient record and latest labs
 * @param warnings candidacy checks and plan warnings that need acknowledgement
 * @param acknowledgements who acknowledged which warning, when
 * @param status unsigned or signed
 * @param createdAt created
 * @param createdBy created by (a physician)
 * @param signedAt signed, when signed
 * @param signedBy signing physician, when signed
 * @param stop who stopped the signed order, when and why, when stopped
 * @param preProcedureLabs the labs to have current before each session, when the physician asked for any
 */
public record OrderRecord(String id, int version, String patientId, Indication indication,
        @JsonIgnore PlanRequest request, Optional<CourseSchedule> schedule, GuidelineMatch guideline, Plan plan,
        List<Warning> warnings, List<Acknowledgement> acknowledgements, OrderStatus status, Instant createdAt,
        String createdBy, Optional<Instant> signedAt, Optional<String> signedBy, Optional<Stop> stop,
        Optional<PreProcedureLabs> preProcedureLabs) {

    /** An order asking for no pre-procedure labs. */
    public OrderRecord(String id, int version, String patientId, Indication indication, PlanRequest request,
            Optional<CourseSchedule> schedule, GuidelineMatch guideline, Plan plan, List<Warning> warnings,
            List<Acknowledgement> acknowledgements, OrderStatus status, Instant createdAt, String createdBy,
            Optional<Instant> signedAt, Optional<String> signedBy, Optional<Stop> stop) {
        this(id, version, patientId, indication, request, schedule, guideline, plan, warnings, acknowledgements,
                status, createdAt, createdBy, signedAt, signedBy, stop, Optional.empty());
    }

    /**
     * A signed order stopped.
     *
     * @param at when
     * @param by the physician
     * @param reason why, in words
     */
    public record Stop(Instant at, String by, String reason) {
        public Stop {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public OrderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(plan, "plan");
        warnings = List.copyOf(warnings);
        acknowledgements = List.copyOf(acknowledgements);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(preProcedureLabs, "preProcedureLabs");
    }

    /** The sessions the order prescribes: the course's, or one. */
    @JsonIgnore
    public int sessionsOrdered() {
        return schedule.map(CourseSchedule::sessions).orElse(1);
    }

    /** The ordered procedure, the core's typed spec. */
    @JsonIgnore
    public ProcedureSpec procedureSpec() {
        return request.procedure();
    }

    /** The procedure as the plan contract writes it. */
    @JsonProperty("procedure")
    public Map<String, Object> procedure() {
        return PlanRequestWriter.procedure(request.procedure());
    }

    /** The recipient of a collected product ({@code {"weightKg"}}), or null when autologous. */
    @JsonProperty("recipient")
    public Map<String, Object> recipient() {
        return request.recipientWeightKg().isPresent() ? Map.of("weightKg", request.recipientWeightKg().getAsDouble())
                : null;
    }

    /** The whole plan request (contract plan-v1) the order was planned from, for clients that plan it again. */
    @JsonProperty("planRequest")
    public Map<String, Object> planRequest() {
        return PlanRequestWriter.request(request);
    }

    /** The schedule as the plan contract writes it, for a course request. */
    @JsonIgnore
    public Optional<Map<String, Object>> scheduleTree() {
        return schedule.map(CourseRequestReader::write);
    }

    public boolean acknowledged(String code) {
        return acknowledgements.stream().anyMatch(a -> a.code().equals(code));
    }

    public OrderRecord withAcknowledgements(List<Acknowledgement> acks) {
        return new OrderRecord(id, version, patientId, indication, request, schedule, guideline, plan, warnings, acks,
                status, createdAt, createdBy, signedAt, signedBy, stop, preProcedureLabs);
    }
}
