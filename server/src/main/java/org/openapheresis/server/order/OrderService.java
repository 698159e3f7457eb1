package org.openapheresis.server.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Orders: a physician prescribes a procedure for a patient; the service plans it from the patient's record and
 * latest labs, looks up the guideline category, runs the candidacy checks and stores it unsigned. Signing and
 * acknowledging warnings record who and when.
 */
public final class OrderService {

    /** Most orders one list returns. */
    public static final int MAX_LIST = 500;

    private final OrderStore store;
    private final PatientService patients;
    private final Guidelines guidelines;
    private final Clock clock;

    public OrderService(OrderStore store, PatientService patients, Guidelines guidelines, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.guidelines = guidelines;
        this.clock = clock;
    }

    /** Plans the order from the record, runs the checks and stores it unsigned. */
    public OrderRecord create(Handle h, Actor by, NewOrder o) {
        Indication indication = o.indication().orElseThrow(() -> InvalidInputException.of("indication",
                MessageKey.REQUIRED));
        PatientRecord p = patients.find(h, o.patientId()).orElseThrow(() -> new InvalidInputException(
                "the order has invalid values", List.of(Problem.of("patientId", MessageKey.NOT_FOUND,
                        "patient or donor"))));
        RecordPlanning.Evaluation e = RecordPlanning.evaluate(p, o.procedure(), o.recipientWeightKg(), today());
        OrderRecord created = new OrderRecord(Ids.next(), 1, p.id(), indication, e.request(), o.schedule(),
                guidelines.categoryFor(indication.code(), o.procedure().type().code()), e.plan(), e.warnings(),
                List.of(), OrderStatus.UNSIGNED, Times.now(clock), by.username(), Optional.empty(), Optional.empty());
        store.insert(h, created);
        return created; // what was stored, typed: no read back (the store round trip is tested)
    }

    /**
     * The order as it would be, not written: planned from the record with the timeline, the course when more than
     * one session is ordered, the candidacy warnings and the guideline row.
     */
    public OrderPreview preview(Handle h, NewOrder o) {
        PatientRecord p = patients.find(h, o.patientId()).orElseThrow(() -> new InvalidInputException(
                "the order has invalid values", List.of(Problem.of("patientId", MessageKey.NOT_FOUND,
                        "patient or donor"))));
        RecordPlanning.Evaluation e = RecordPlanning.evaluate(p, o.procedure(), o.recipientWeightKg(), today());
        Optional<CourseResult> course = o.schedule().filter(s -> s.sessions() > 1)
                .map(s -> CoursePlanner.plan(s.course(e.request()), PlanOptions.withTimeline()));
        return new OrderPreview(org.openapheresis.contract.PlanRequestWriter.request(e.request()),
                Planner.plan(e.request(), PlanOptions.withTimeline()), course, e.warnings(),
                o.indication().map(i -> guidelines.categoryFor(i.code(), o.procedure().type().code())));
    }

    /** What a patient's record lacks for any plan (field paths {@code patient.*}); empty for no such patient. */
    public List<Problem> recordProblems(Handle h, String patientId) {
        return patients.find(h, patientId).map(p -> {
            try {
                RecordPlanning.patient(p, today());
                return List.<Problem>of();
            } catch (InvalidInputException e) {
                return e.problems();
            }
        }).orElse(List.of());
    }

    public List<OrderRecord> list(Handle h, Optional<String> patientId) {
        return store.list(h, patientId, MAX_LIST);
    }

    public Optional<OrderRecord> find(Handle h, String id) {
        return store.find(h, id);
    }

    public OrderRecord require(Handle h, String id) {
        return store.find(h, id).orElseThrow(() -> DomainException.notFound("order"));
    }

    /** The patient an order is for (a not-found refusal when there is no such order). */
    public String patientOf(Handle h, String id) {
        return store.patientOf(h, id).orElseThrow(() -> DomainException.notFound("order"));
    }

    /** The physician's signature; the version is the one the physician read, when given. */
    public OrderRecord sign(Handle h, Actor by, String id, Optional<Integer> expectedVersion) {
        OrderRecord o = require(h, id);
        if (o.status() == OrderStatus.SIGNED) {
            throw DomainException.of(Refusal.ORDER_ALREADY_SIGNED, o.signedBy().orElse("?"),
                    o.signedAt().map(Instant::toString).orElse("?"));
        }
        int version = expectedVersion.orElse(o.version());
        if (version != o.version() || !store.sign(h, id, version, by.username(), Times.now(clock))) {
            OrderRecord now = require(h, id);
            throw DomainException.stale(now.version(), now);
        }
        return require(h, id);
    }

    /**
     * Acknowledges the named warnings, or every warning the order has and the current record gives, when none are
     * named. A code that is neither is a problem of its field.
     */
    public OrderRecord acknowledge(Handle h, Actor by, String id, Optional<List<String>> codes) {
        OrderRecord o = require(h, id);
        List<String> known = new ArrayList<>(o.warnings().stream().map(w -> w.code().name()).toList());
        // warnings may have appeared since the order was written (new labs): acknowledge those too
        for (Warning w : currentWarnings(h, o)) {
            if (!known.contains(w.code().name())) {
                known.add(w.code().name());
            }
        }
        List<String> chosen = codes.orElse(known);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (!known.contains(chosen.get(i))) {
                problems.add(Problem.of("codes[" + i + "]", MessageKey.NOT_ONE_OF, chosen.get(i),
                        String.join(", ", known)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the acknowledgement has invalid values", problems);
        }
        store.acknowledge(h, id, chosen, by.username(), Times.now(clock));
        return require(h, id);
    }

    /** The order's procedure planned again from the patient's current record, with the checks. */
    public RecordPlanning.Evaluation evaluateNow(Handle h, OrderRecord o) {
        PatientRecord p = patients.require(h, o.patientId());
        return RecordPlanning.evaluate(p, o.procedureSpec(), o.request().recipientWeightKg(), today());
    }

    private List<Warning> currentWarnings(Handle h, OrderRecord o) {
        return evaluateNow(h, o).warnings();
    }

    /** The order's plan as ordered, computed again with the given options (a timeline for charts). */
    public Plan plan(OrderRecord o, PlanOptions options) {
        return Planner.plan(o.request(), options);
    }

    /** The order's course as ordered (a single session when no schedule was ordered). */
    public CourseResult course(OrderRecord o, PlanOptions options) {
        return CoursePlanner.plan(o.schedule().orElse(new org.openapheresis.course.CourseSchedule(1, 24))
                .course(o.request()), options);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
