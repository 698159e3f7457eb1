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
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.followup.ChronicGvhdService;
import org.openapheresis.server.guideline.GuidelineMatch;
import org.openapheresis.server.guideline.GuidelineRow;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.uncertainty.Uncertainty;

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
    private final ChronicGvhdService chronicGvhd;
    private final Clock clock;

    public OrderService(OrderStore store, PatientService patients, Guidelines guidelines, ChronicGvhdService chronicGvhd,
            Clock clock) {
        this.store = store;
        this.patients = patients;
        this.guidelines = guidelines;
        this.chronicGvhd = chronicGvhd;
        this.clock = clock;
    }

    /** Plans the order from the record, runs the checks and stores it unsigned. */
    public OrderRecord create(Handle h, Actor by, NewOrder o) {
        Indication indication = o.indication().orElseThrow(() -> InvalidInputException.of("indication",
                MessageKey.REQUIRED));
        PatientRecord p = patients.find(h, o.patientId()).orElseThrow(() -> new InvalidInputException(
                "the order has invalid values", List.of(Problem.of("patientId", MessageKey.NOT_FOUND,
                        "patient or donor"))));
        GuidelineMatch guideline = withReason(guideline(indication, o.procedure().type().code()), indication);
        indication = withRow(indication, guideline);
        checkChronicGvhd(h, p.id(), indication, o.procedure());
        RecordPlanning.Evaluation e = RecordPlanning.evaluate(p, o.procedure(), o.recipientWeightKg(),
                o.schedule().map(org.openapheresis.course.CourseSchedule::sessions).orElse(1),
                Optional.of(indication.code()), today());
        OrderRecord created = new OrderRecord(Ids.next(), 1, p.id(), indication, e.request(), o.schedule(),
                guideline, e.plan(), e.warnings(), List.of(), OrderStatus.UNSIGNED, Times.now(clock), by.username(),
                Optional.empty(), Optional.empty(), Optional.empty(), o.preProcedureLabs());
        store.insert(h, created);
        return created; // what was stored, typed: no read back (the store round trip is tested)
    }

    /**
     * Changes an unsigned order (at the version the physician read): planned again from the record, with its checks;
     * the acknowledgements go with the old plan. The patient cannot change.
     */
    public OrderRecord change(Handle h, Actor by, String id, NewOrder o, int expectedVersion) {
        OrderRecord old = require(h, id);
        if (old.status() != OrderStatus.UNSIGNED) {
            throw DomainException.of(Refusal.ORDER_ALREADY_SIGNED, old.signedBy().orElse("?"),
                    old.signedAt().map(Instant::toString).orElse("?"));
        }
        if (!old.patientId().equals(o.patientId())) {
            throw InvalidInputException.of("patientId", MessageKey.INVALID, "an order stays with its patient ("
                    + old.patientId() + "); write a new order for another");
        }
        Indication indication = o.indication().orElseThrow(() -> InvalidInputException.of("indication",
                MessageKey.REQUIRED));
        GuidelineMatch guideline = withReason(guideline(indication, o.procedure().type().code()), indication);
        indication = withRow(indication, guideline);
        PatientRecord p = patients.require(h, old.patientId());
        checkChronicGvhd(h, p.id(), indication, o.procedure());
        RecordPlanning.Evaluation e = RecordPlanning.evaluate(p, o.procedure(), o.recipientWeightKg(),
                o.schedule().map(org.openapheresis.course.CourseSchedule::sessions).orElse(1),
                Optional.of(indication.code()), today());
        OrderRecord changed = new OrderRecord(id, expectedVersion + 1, p.id(), indication, e.request(), o.schedule(),
                guideline, e.plan(), e.warnings(), List.of(), OrderStatus.UNSIGNED, old.createdAt(), old.createdBy(),
                Optional.empty(), Optional.empty(), Optional.empty(), o.preProcedureLabs());
        if (old.version() != expectedVersion || !store.replace(h, changed, expectedVersion, clock.instant())) {
            OrderRecord now = require(h, id);
            throw DomainException.stale(now.version(), now);
        }
        return require(h, id);
    }

    /** The indication naming the row its guideline block is (as it reads back from the store). */
    private static Indication withRow(Indication i, GuidelineMatch g) {
        return new Indication(i.code(), i.text(), Optional.ofNullable(g.id()),
                Optional.ofNullable(g.categoryIvReason()), i.chronicGvhdAssessmentId());
    }

    /**
     * A chronic GVHD assessment named as the indication belongs to the patient, and only a photopheresis order names
     * one (the treatment of chronic GVHD among the procedures the planner covers).
     */
    private void checkChronicGvhd(Handle h, String patientId, Indication i, ProcedureSpec procedure) {
        if (i.chronicGvhdAssessmentId().isEmpty()) {
            return;
        }
        String field = "indication.chronicGvhdAssessmentId";
        if (procedure.type() != ProcedureType.PHOTOPHERESIS) {
            throw InvalidInputException.of(field, MessageKey.INVALID, "only a photopheresis order names the chronic GVHD "
                    + "assessment it treats; this order is for " + procedure.type().code());
        }
        chronicGvhd.requireOfPatient(h, patientId, i.chronicGvhdAssessmentId().get(), field);
    }

    /** The guideline block with the physician's category IV reason; a reason for a row of another category is refused. */
    private static GuidelineMatch withReason(GuidelineMatch g, Indication i) {
        return withReason(g, i.categoryIvReason(), "indication.categoryIvReason");
    }

    private static GuidelineMatch withReason(GuidelineMatch g, Optional<String> reason, String field) {
        if (reason.isEmpty()) {
            return g;
        }
        if (!g.categoryIv()) {
            throw InvalidInputException.of(field, MessageKey.INVALID, "a reason is given only for an indication of "
                    + "ASFA category IV; " + (g.matched() ? "row " + g.id() + " is category " + g.category()
                    : "no guideline row matches"));
        }
        return g.withCategoryIvReason(reason.get());
    }

    /**
     * The guideline block of an indication: the row it names (which must exist, be for this procedure and match
     * the code), or the first row matching the code and procedure.
     */
    private GuidelineMatch guideline(Indication indication, String procedureType) {
        if (indication.guidelineRow().isEmpty()) {
            return guidelines.categoryFor(indication.code(), procedureType);
        }
        String rowId = indication.guidelineRow().get();
        GuidelineRow row = guidelines.row(rowId).orElseThrow(() -> InvalidInputException.of(
                "indication.guidelineRow", MessageKey.NOT_FOUND, "guideline row"));
        if (!row.procedureType().equals(procedureType)) {
            throw InvalidInputException.of("indication.guidelineRow", MessageKey.INVALID, "row " + rowId + " ("
                    + row.indication() + ") is for procedure " + row.procedureType() + ", the order is for "
                    + procedureType);
        }
        if (!row.acceptsCode(indication.code())) {
            throw InvalidInputException.of("indication.code", MessageKey.INVALID, indication.code()
                    + " is not a code of guideline row " + rowId + " (" + String.join(", ", row.icd10()) + ")");
        }
        return guidelines.categoryFor(row);
    }

    /**
     * The order as it would be, not written: planned from the record with the timeline, the course when more than
     * one session is ordered, the candidacy warnings and the guideline row.
     */
    public OrderPreview preview(Handle h, NewOrder o) {
        PatientRecord p = patients.find(h, o.patientId()).orElseThrow(() -> new InvalidInputException(
                "the order has invalid values", List.of(Problem.of("patientId", MessageKey.NOT_FOUND,
                        "patient or donor"))));
        RecordPlanning.Evaluation e = RecordPlanning.evaluate(p, o.procedure(), o.recipientWeightKg(),
                o.schedule().map(org.openapheresis.course.CourseSchedule::sessions).orElse(1),
                o.indication().map(Indication::code), today());
        Optional<CourseResult> course = o.schedule().filter(s -> s.sessions() > 1)
                .map(s -> CoursePlanner.plan(s.course(e.request()), PlanOptions.withTimeline()));
        return new OrderPreview(org.openapheresis.contract.PlanRequestWriter.request(e.request()),
                Planner.plan(e.request(), PlanOptions.withTimeline()), course, e.warnings(),
                o.indication().map(i -> guideline(i, o.procedure().type().code())));
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

    /** When each order of a patient last changed, by order id. */
    public java.util.Map<String, java.time.Instant> updatedAt(Handle h, String patientId) {
        return store.updatedAt(h, patientId);
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

    /**
     * The physician's signature, with the acknowledgement of the order's warnings in the same act: every warning the
     * order has from the current record must be acknowledged already or among {@code acknowledgedWarnings}, else a
     * conflict listing the open ones. The version is the one the physician read, when given.
     */
    public OrderRecord sign(Handle h, Actor by, String id, Optional<Integer> expectedVersion,
            List<String> acknowledgedWarnings) {
        return sign(h, by, id, expectedVersion, acknowledgedWarnings, Optional.empty());
    }

    /**
     * The signature, as {@link #sign(Handle, Actor, String, Optional, List)}; an order whose guideline row is ASFA
     * category IV (apheresis ineffective or harmful) is signed only with the physician's reason, given when the
     * order was written or here ({@code categoryIvReason}), else a problem of that field.
     */
    public OrderRecord sign(Handle h, Actor by, String id, Optional<Integer> expectedVersion,
            List<String> acknowledgedWarnings, Optional<String> categoryIvReason) {
        OrderRecord o = require(h, id);
        if (o.status() != OrderStatus.UNSIGNED) {
            throw DomainException.of(Refusal.ORDER_ALREADY_SIGNED, o.signedBy().orElse("?"),
                    o.signedAt().map(Instant::toString).orElse("?"));
        }
        Optional<String> reason = categoryIvReason.map(String::strip).filter(r -> !r.isEmpty());
        GuidelineMatch g = withReason(o.guideline(), reason, "categoryIvReason");
        if (g.categoryIv() && !g.hasCategoryIvReason()) {
            throw InvalidInputException.of("categoryIvReason", MessageKey.REQUIRED_WHEN, "to sign an order whose "
                    + "indication is ASFA category IV (row " + g.id() + ", " + g.indication() + ": evidence shows or "
                    + "suggests apheresis is ineffective or harmful); give the reason for ordering it");
        }
        List<Warning> current = currentWarnings(h, o);
        requireKnown(o, current, acknowledgedWarnings, "acknowledgedWarnings");
        List<Warning> open = current.stream().filter(w -> !o.acknowledged(w.code().name())
                && !acknowledgedWarnings.contains(w.code().name())).toList();
        if (!open.isEmpty()) {
            throw new DomainException(Refusal.WARNINGS_NOT_ACKNOWLEDGED_AT_SIGNING, List.of(open.size()),
                    java.util.Map.of("unacknowledged", open));
        }
        int version = expectedVersion.orElse(o.version());
        if (version != o.version()) {
            throw DomainException.stale(o.version(), o);
        }
        Instant now = Times.now(clock);
        if (reason.isPresent()) {
            store.guideline(h, id, g);
        }
        if (!acknowledgedWarnings.isEmpty()) {
            store.acknowledge(h, id, acknowledgedWarnings, by.username(), now);
            version++;
        }
        if (!store.sign(h, id, version, by.username(), now)) {
            OrderRecord again = require(h, id);
            throw DomainException.stale(again.version(), again);
        }
        return require(h, id);
    }

    /**
     * Stops a signed order: who, when and why; its scheduled sessions are cancelled with the reason by the
     * listeners (the sessions feature), in the same transaction.
     */
    public OrderRecord stop(Handle h, Actor by, String id, Optional<Integer> expectedVersion, String reason) {
        OrderRecord o = require(h, id);
        if (o.status() == OrderStatus.UNSIGNED) {
            throw DomainException.of(Refusal.ORDER_NOT_SIGNED_TO_STOP, id);
        }
        if (o.status() == OrderStatus.STOPPED) {
            OrderRecord.Stop st = o.stop().orElseThrow();
            throw DomainException.of(Refusal.ORDER_STOPPED, id, st.by(), st.at(), st.reason());
        }
        int version = expectedVersion.orElse(o.version());
        OrderRecord.Stop stop = new OrderRecord.Stop(Times.now(clock), by.username(), reason);
        if (version != o.version() || !store.stop(h, id, version, stop)) {
            OrderRecord now = require(h, id);
            throw DomainException.stale(now.version(), now);
        }
        OrderRecord stopped = require(h, id);
        for (StopListener l : stopListeners) {
            l.stopped(h, by, stopped);
        }
        return stopped;
    }

    /** What another feature does in the transaction that stops an order (sessions cancel the scheduled ones). */
    @FunctionalInterface
    public interface StopListener {
        void stopped(Handle h, Actor by, OrderRecord stopped);
    }

    private final List<StopListener> stopListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers a listener; called while the server is composed, before it serves. */
    public void whenStopped(StopListener l) {
        stopListeners.add(l);
    }

    /**
     * Takes the order's row lock for the transaction and answers the order (sessions are counted against its
     * course under the lock).
     */
    public OrderRecord lockForScheduling(Handle h, String id) {
        store.lock(h, id).orElseThrow(() -> InvalidInputException.of("orderId", MessageKey.NOT_FOUND, "order"));
        return require(h, id);
    }

    private static void requireKnown(OrderRecord o, List<Warning> current, List<String> codes, String field) {
        List<String> known = new ArrayList<>(o.warnings().stream().map(w -> w.code().name()).toList());
        current.stream().map(w -> w.code().name()).filter(c -> !known.contains(c)).forEach(known::add);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                problems.add(Problem.of(field + "[" + i + "]", MessageKey.NOT_ONE_OF, codes.get(i),
                        known.isEmpty() ? "(the order has no warnings)" : String.join(", ", known)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the acknowledgement has invalid values", problems);
        }
    }

    /**
     * Acknowledges the named warnings, or every warning the order has and the current record gives, when none are
     * named. A code that is neither is a problem of its field.
     */
    public OrderRecord acknowledge(Handle h, Actor by, String id, Optional<List<String>> codes) {
        OrderRecord o = require(h, id);
        List<Warning> current = currentWarnings(h, o);
        List<String> all = new ArrayList<>(o.warnings().stream().map(w -> w.code().name()).toList());
        current.stream().map(w -> w.code().name()).filter(c -> !all.contains(c)).forEach(all::add);
        List<String> chosen = codes.orElse(all);
        requireKnown(o, current, chosen, "codes");
        store.acknowledge(h, id, chosen, by.username(), Times.now(clock));
        return require(h, id);
    }

    /** The order's procedure planned again from the patient's current record, with the checks. */
    public RecordPlanning.Evaluation evaluateNow(Handle h, OrderRecord o) {
        PatientRecord p = patients.require(h, o.patientId());
        return RecordPlanning.evaluate(p, o.procedureSpec(), o.request().recipientWeightKg(), o.sessionsOrdered(),
                Optional.of(o.indication().code()), today());
    }

    private List<Warning> currentWarnings(Handle h, OrderRecord o) {
        return evaluateNow(h, o).warnings();
    }

    /** The order's plan as ordered, computed again with the given options (a timeline for charts). */
    public Plan plan(OrderRecord o, PlanOptions options) {
        return Planner.plan(o.request(), options);
    }

    /** The order's plan as ordered with, when asked, its bands over that many virtual patients (the CLI's seed). */
    public Plan plan(OrderRecord o, PlanOptions options, java.util.OptionalInt virtualPatients) {
        Plan plan = plan(o, options);
        return virtualPatients.isEmpty() ? plan : plan.withUncertainty(
                Uncertainty.plan(o.request(), virtualPatients.getAsInt(), Uncertainty.DEFAULT_SEED));
    }

    /** The order's course as ordered (a single session when no schedule was ordered). */
    public CourseResult course(OrderRecord o, PlanOptions options) {
        return CoursePlanner.plan(courseRequest(o), options);
    }

    /** The order's course as ordered with, when asked, its bands. */
    public CourseResult course(OrderRecord o, PlanOptions options, java.util.OptionalInt virtualPatients) {
        CourseResult course = course(o, options);
        return virtualPatients.isEmpty() ? course : course.withUncertainty(
                Uncertainty.course(courseRequest(o), virtualPatients.getAsInt(), Uncertainty.DEFAULT_SEED));
    }

    private static org.openapheresis.course.CourseRequest courseRequest(OrderRecord o) {
        return o.schedule().orElse(new org.openapheresis.course.CourseSchedule(1, 24)).course(o.request());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
