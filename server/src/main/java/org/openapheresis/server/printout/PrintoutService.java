package org.openapheresis.server.printout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.ClinicalRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

/**
 * Reads what a printed document is written from, through the services that own it: an order with its person and its
 * course, or a session's clinical record with its order and person. No store of its own: a document is made anew
 * from the record each time, so it never disagrees with it.
 */
public final class PrintoutService {

    private final OrderService orders;
    private final PatientService patients;
    private final SessionService sessions;

    public PrintoutService(OrderService orders, PatientService patients, SessionService sessions) {
        this.orders = orders;
        this.patients = patients;
        this.sessions = sessions;
    }

    /**
     * What the plan sheet of an order is written from.
     *
     * @param order the order with its stored plan (the figures signed)
     * @param patient its person
     * @param course the course planned as ordered, when more than one session is ordered and it can be planned
     * @param courseProblems why the ordered course cannot be planned as one (e.g. a session would start before the one
     *     before it ends), in the planner's words; empty when it can
     */
    public record PlanSheet(OrderRecord order, PatientRecord patient, Optional<CourseResult> course,
            List<String> courseProblems) {
        public PlanSheet {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(course, "course");
            courseProblems = List.copyOf(courseProblems);
        }
    }

    /**
     * What a session's summary is written from.
     *
     * @param record the session's whole clinical record with its plan and its comparison
     * @param order the session's order
     * @param patient its person
     */
    public record SessionSummary(ClinicalRecord record, OrderRecord order, PatientRecord patient) {
        public SessionSummary {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(patient, "patient");
        }
    }

    /** The plan sheet's facts (a not-found refusal when there is no such order). */
    public PlanSheet planSheet(Handle h, String orderId) {
        OrderRecord o = orders.require(h, orderId);
        PatientRecord p = patients.require(h, o.patientId());
        if (o.sessionsOrdered() == 1) {
            return new PlanSheet(o, p, Optional.empty(), List.of());
        }
        try {
            return new PlanSheet(o, p, Optional.of(orders.course(o, PlanOptions.withoutTimeline())), List.of());
        } catch (InvalidInputException e) {
            // the order's page shows the same refusal for its course; the sheet says it and prints the first session
            return new PlanSheet(o, p, Optional.empty(), e.problems().stream().map(Problem::message).toList());
        }
    }

    /** The session summary's facts (a not-found refusal when there is no such session). */
    public SessionSummary sessionSummary(Handle h, String sessionId) {
        ClinicalRecord r = sessions.record(h, sessionId);
        OrderRecord o = orders.require(h, r.session().orderId());
        return new SessionSummary(r, o, patients.require(h, r.session().patientId()));
    }

    /** The patient of an order, for the audit entry. */
    public String patientOfOrder(Handle h, String orderId) {
        return orders.patientOf(h, orderId);
    }

    /** The patient of a session, for the audit entry. */
    public String patientOfSession(Handle h, String sessionId) {
        return sessions.patientOf(h, sessionId);
    }
}
