package org.openapheresis.server.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.system.CheckedWrite;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Severity;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.StaffDirectory;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.order.OrderStatus;
import org.openapheresis.server.order.RecordPlanning;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.resource.Chair;
import org.openapheresis.server.resource.Machine;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Sessions: schedule a signed order on a machine, chair and nurse; start (after the checks are run again from the
 * current record and every warning is acknowledged); record run values, vitals, fluids, labs and adverse events;
 * complete or abort; and the whole record with its comparison to the plan.
 */
public final class SessionService {

    /** Most sessions one list returns. */
    public static final int MAX_LIST = 1000;
    /** Most samples in one run-value batch. */
    public static final int MAX_BATCH = 500;
    /** Warning codes one start may acknowledge; a plan has far fewer rules than this. */
    public static final int MAX_ACKNOWLEDGED = 50;

    private final SessionStore store;
    private final OrderService orders;
    private final PatientService patients;
    private final MachineBookings bookings;
    private final Clock clock;

    private final ResourceService resources;
    private final StaffDirectory staff;
    private volatile NurseRota rota = NurseRota.NONE;
    private volatile BookingCheck unitRules = BookingCheck.NONE;

    public SessionService(SessionStore store, OrderService orders, PatientService patients, ResourceService resources,
            StaffDirectory staff, Clock clock) {
        this.resources = resources;
        this.staff = staff;
        this.store = store;
        this.orders = orders;
        this.patients = patients;
        this.bookings = new MachineBookings(store, clock.getZone());
        this.clock = clock;
        orders.whenStopped((h, by, o) -> store.cancelScheduledOf(h, o.id(), by.username(), Times.now(clock),
                "order stopped: " + o.stop().map(OrderRecord.Stop::reason).orElse("")));
    }

    /**
     * The unit's rota, checked when a session is booked or moved with a nurse (the week's planner registers it: it
     * keeps the shifts). A nurse outside their shifts on a day the unit keeps a rota is refused, as a machine out of
     * service is.
     */
    public void checkNursesWith(NurseRota r) {
        this.rota = java.util.Objects.requireNonNull(r, "rota");
    }

    /**
     * The unit's rules, checked when a session is booked or moved by hand (the week's planner registers them: it keeps
     * them). A session outside them is booked only once its warnings are acknowledged.
     */
    public void checkBookingsWith(BookingCheck c) {
        this.unitRules = java.util.Objects.requireNonNull(c, "check");
    }

    /**
     * The warnings of the unit's rules for a session of {@code o} from {@code from} to {@code to}: refused while one of
     * them is not among {@code acknowledged}; else what the booker acknowledged (empty when there was nothing to).
     * Codes acknowledged that the rules did not find are not kept: the record says what was found. A session that
     * keeps its start keeps the acknowledgement it was booked there with ({@code already}) when that covers every
     * warning: its machine, chair or nurse changed, not the hours it runs.
     */
    private Optional<BookingAcknowledgement> acknowledged(Handle h, Actor by, OrderRecord o, Instant from, Instant to,
            java.util.Set<BookingWarning.Code> acknowledged, Optional<BookingAcknowledgement> already) {
        List<BookingWarning> found = unitRules.warnings(h, o, from, to);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (already.isPresent() && found.stream().allMatch(w -> already.get().acknowledges(w.code()))) {
            return already;
        }
        List<BookingWarning> open = found.stream().filter(w -> !acknowledged.contains(w.code())).toList();
        if (!open.isEmpty()) {
            throw new DomainException(Refusal.BOOKING_WARNINGS_OPEN, List.of(String.join("; ", open.stream()
                    .map(BookingWarning::message).toList()), String.join(", ", open.stream().map(w -> "\""
                    + w.code().name() + "\"").toList())), Map.of("unacknowledged", open));
        }
        return Optional.of(new BookingAcknowledgement(found, by.username(), Times.now(clock)));
    }

    /** Refuses a nurse who is not on shift for the whole session, when the unit keeps a rota that day. */
    private void requireOnShift(Handle h, String nurse, Instant from, Instant to) {
        rota.offShift(h, nurse, from, to).ifPresent(off -> {
            throw DomainException.of(Refusal.NURSE_OFF_SHIFT, nurse, off.minutesOff(), local(from), local(to),
                    off.shifts());
        });
    }

    private String local(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ROOT)
                .format(java.time.LocalDateTime.ofInstant(t, clock.getZone()));
    }

    /**
     * Books a session of a signed order: the machine and chair must be free for the plan's run time and set-up,
     * the nurse on shift when the unit keeps a rota that day, and the course must have a session left (counted under
     * the order's row lock). A session outside the unit's rules (opening hours, a closed day, the lab's cut-off, the
     * pre-procedure labs' turnaround) is booked only with its warnings acknowledged, and keeps the acknowledgement.
     */
    public SessionRecord schedule(Handle h, Actor by, Commands.Schedule s) {
        if (!Ids.isId(s.orderId())) {
            throw InvalidInputException.of("orderId", MessageKey.NOT_FOUND, "order");
        }
        OrderRecord o = orders.lockForScheduling(h, s.orderId());
        requireActive(o, "be scheduled");
        int counted = store.countedSessions(h, o.id());
        if (counted >= o.sessionsOrdered()) {
            throw new DomainException(Refusal.COURSE_FULL, List.of(o.id(), o.sessionsOrdered(), counted),
                    Map.of("sessionsOrdered", o.sessionsOrdered(), "sessionsCounted", counted));
        }
        s.nurse().ifPresent(n -> requireNurse(h, n));
        Instant end = s.plannedStart().plus(MachineBookings.occupies(o.plan().durationMin()));
        s.nurse().ifPresent(n -> requireOnShift(h, n, s.plannedStart(), end));
        Optional<Machine> machine = s.machine().map(m -> resources.bookMachine(h, "machine", m,
                o.procedureSpec().type(), s.plannedStart(), end));
        Optional<Chair> chair = s.chair().map(c -> resources.bookChair(h, "chair", c));
        bookings.requireFree(h, machine, chair, s.plannedStart(), end, null);
        Optional<BookingAcknowledgement> ack = acknowledged(h, by, o, s.plannedStart(), end,
                s.acknowledgedWarnings(), Optional.empty());
        String id = Ids.next();
        store.insert(h, new SessionRecord(id, 1, o.id(), o.patientId(), patients.displayName(h, o.patientId()),
                o.procedureSpec().type(), s.plannedStart(), machine.map(Machine::name), chair.map(Chair::name),
                s.nurse(), SessionStatus.SCHEDULED, Optional.empty(), Optional.empty(), Times.now(clock), by.username(),
                Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), ack), o.plan(), end, machine.map(Machine::id),
                chair.map(Chair::id));
        return require(h, id);
    }

    /**
     * Moves a scheduled session (time, machine, chair, nurse) that is still at the version read; checked as a
     * booking is, the warnings of the unit's rules for where it goes included (those acknowledged where it was carry
     * over only while it keeps its start: a new nurse or machine for the night's exchange, or the solver filling in its
     * chair, asks nothing again).
     */
    public SessionRecord reschedule(Handle h, Actor by, String id, Commands.Reschedule r) {
        SessionRecord s = require(h, id);
        requireStatus(s, List.of(SessionStatus.SCHEDULED), "reschedule");
        if (s.version() != r.expectedVersion()) {
            throw DomainException.stale(s.version(), s);
        }
        r.nurse().ifPresent(n -> requireNurse(h, n));
        Instant end = r.plannedStart().plus(MachineBookings.occupies(store.plan(h, id).durationMin()));
        r.nurse().ifPresent(n -> requireOnShift(h, n, r.plannedStart(), end));
        Optional<Machine> machine = r.machine().map(m -> resources.bookMachine(h, "machine", m, s.procedureType(),
                r.plannedStart(), end));
        Optional<Chair> chair = r.chair().map(c -> resources.bookChair(h, "chair", c));
        bookings.requireFree(h, machine, chair, r.plannedStart(), end, id);
        Optional<BookingAcknowledgement> ack = acknowledged(h, by, orders.require(h, s.orderId()), r.plannedStart(),
                end, r.acknowledgedWarnings(), r.plannedStart().equals(s.plannedStart()) ? s.bookingAcknowledgement()
                        : Optional.empty());
        if (!store.reschedule(h, id, r.expectedVersion(), r.plannedStart(), end, machine.map(Machine::id),
                chair.map(Chair::id), r.nurse(), clock.instant(), ack)) {
            SessionRecord now = require(h, id);
            throw DomainException.stale(now.version(), now);
        }
        return require(h, id);
    }

    /** A session's nurse is the user name of an active nurse of the unit. */
    private void requireNurse(Handle h, String username) {
        if (staff.activeMember(h, username).filter(m -> m.role() == Role.NURSE).isEmpty()) {
            throw InvalidInputException.of("nurse", MessageKey.NOT_STAFF, username, "an active nurse");
        }
    }

    /**
     * A booked session the rota now breaks: its machine was taken out of service, or its nurse is off shift for part
     * of it (a shift cancelled, a day rostered), after it was booked.
     *
     * @param sessionId the session
     * @param patientName whose it is
     * @param plannedStart when it starts
     * @param reasons what it breaks, in words
     */
    public record RotaConflict(String sessionId, String patientName, Instant plannedStart, List<String> reasons) {
        public RotaConflict {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The scheduled sessions between {@code from} and {@code to} that the rota breaks now, each with what it breaks:
     * the same measures as a booking by hand (the machine's periods out of service over its whole occupancy, set-up
     * and rinseback included; the nurse's shifts on a day the unit keeps a rota). Planning those days again moves them.
     */
    public List<RotaConflict> rotaConflicts(Handle h, Instant from, Instant to) {
        List<org.openapheresis.server.resource.OutOfServicePeriod> down = resources.outOfServiceBetween(h, from, to);
        List<RotaConflict> out = new ArrayList<>();
        for (SessionStore.Held s : store.scheduledBetween(h, from, to)) {
            List<String> reasons = new ArrayList<>();
            s.machineId().ifPresent(m -> down.stream().filter(o -> o.machineId().equals(m)
                    && o.from().isBefore(s.end()) && o.to().isAfter(s.start())).findFirst()
                    .ifPresent(o -> reasons.add("machine " + s.machineName().orElse(m) + " is out of service from "
                            + local(o.from()) + " to " + local(o.to()) + " (" + o.reason() + ")")));
            s.nurse().flatMap(n -> rota.offShift(h, n, s.start(), s.end())).ifPresent(off -> reasons.add("nurse "
                    + s.nurse().orElseThrow() + " is not on shift for " + off.minutesOff() + " min of it (their shifts "
                    + "that day: " + off.shifts() + ")"));
            if (!reasons.isEmpty()) {
                out.add(new RotaConflict(s.id(), s.patientName(), s.start(), reasons));
            }
        }
        return out;
    }

    public List<SessionRecord> list(Handle h, Optional<Instant> from, Optional<Instant> to,
            Optional<String> patientId) {
        return store.list(h, from, to, patientId, MAX_LIST);
    }

    public Optional<SessionRecord> find(Handle h, String id) {
        return store.find(h, id);
    }

    public SessionRecord require(Handle h, String id) {
        return store.find(h, id).orElseThrow(() -> DomainException.notFound("session"));
    }

    /** The patient of a session (a not-found refusal when there is none). */
    public String patientOf(Handle h, String id) {
        return store.patientAndStatus(h, id).map(SessionStore.PatientAndStatus::patientId)
                .orElseThrow(() -> DomainException.notFound("session"));
    }

    /**
     * Starts: plans again and runs the checks from the current record. Every candidacy warning must be
     * acknowledged on the order by a physician, and every plan warning of severity warning or danger by the person
     * starting; else a conflict listing what is open. The codes acknowledged are kept with the session.
     */
    public SessionRecord start(Handle h, Actor by, String id, Commands.Start cmd) {
        return start(h, by, require(h, id), cmd);
    }

    /** {@link #start(Handle, Actor, String, Commands.Start)} of a session already read in this transaction. */
    public SessionRecord start(Handle h, Actor by, SessionRecord s, Commands.Start cmd) {
        requireStatus(s, List.of(SessionStatus.SCHEDULED), "start");
        OrderRecord o = orders.require(h, s.orderId());
        requireActive(o, "start");
        RecordPlanning.Evaluation e = orders.evaluateNow(h, o);
        List<Warning> open = e.warnings().stream().filter(w -> !o.acknowledged(w.code().name())).toList();
        if (!open.isEmpty()) {
            throw new DomainException(Refusal.CANDIDACY_WARNINGS_OPEN, List.of(o.id()),
                    Map.of("unacknowledged", open));
        }
        List<Warning> unread = e.plan().warnings().stream()
                .filter(w -> w.severity() != Severity.INFO && !cmd.acknowledgedWarnings().contains(w.code().name()))
                .toList();
        if (!unread.isEmpty()) {
            throw new DomainException(Refusal.PLAN_WARNINGS_UNREAD, List.of(),
                    Map.of("unacknowledgedPlanWarnings", unread));
        }
        Instant now = Times.now(clock);
        int version = cmd.expectedVersion().orElse(s.version());
        if (version != s.version() || !store.start(h, s.id(), version, by.username(), now, e.plan(),
                cmd.acknowledgedWarnings())) {
            SessionRecord current = require(h, s.id());
            throw DomainException.stale(current.version(), current);
        }
        return new SessionRecord(s.id(), version + 1, s.orderId(), s.patientId(), s.patientName(), s.procedureType(),
                s.plannedStart(), s.machine(), s.chair(), s.nurse(), SessionStatus.IN_PROGRESS, s.abortReason(),
                s.cancelReason(), s.createdAt(), s.createdBy(), Optional.of(now), Optional.of(by.username()), s.endedAt(),
                s.endedBy(), s.bookingAcknowledgement());
    }

    /** Completes a running session; the completion listeners act in the same transaction (billing codes it). */
    public SessionRecord complete(Handle h, Actor by, String id, Optional<Integer> expectedVersion) {
        SessionRecord done = end(h, by, id, expectedVersion, List.of(SessionStatus.IN_PROGRESS),
                SessionStatus.COMPLETED, "complete", Optional.empty());
        for (CompletionListener l : completionListeners) {
            l.completed(h, by, done);
        }
        return done;
    }

    /** What another feature does, in the completing transaction, when a session completes. */
    @FunctionalInterface
    public interface CompletionListener {
        void completed(Handle h, Actor by, SessionRecord completed);
    }

    private final List<CompletionListener> completionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers a listener; called while the server is composed, before it serves. */
    public void whenCompleted(CompletionListener l) {
        completionListeners.add(l);
    }

    /** Cancels a scheduled session (it never started), with the reason; it no longer counts against the course. */
    public SessionRecord cancel(Handle h, Actor by, String id, Optional<Integer> expectedVersion, String reason) {
        return end(h, by, id, expectedVersion, List.of(SessionStatus.SCHEDULED), SessionStatus.CANCELLED, "cancel",
                Optional.of(reason));
    }

    /** A session's order must be signed and not stopped for the session to be scheduled or to start. */
    private static void requireActive(OrderRecord o, String what) {
        if (o.status() == OrderStatus.STOPPED) {
            OrderRecord.Stop st = o.stop().orElseThrow();
            throw DomainException.of(Refusal.ORDER_STOPPED, o.id(), st.by(), st.at(), st.reason());
        }
        if (o.status() != OrderStatus.SIGNED) {
            throw DomainException.of(what.equals("start") ? Refusal.ORDER_NOT_ACTIVE : Refusal.ORDER_NOT_SIGNED,
                    o.id(), o.status().code(), what);
        }
    }

    /** Aborts a scheduled or running session, with the reason. */
    public SessionRecord abort(Handle h, Actor by, String id, Optional<Integer> expectedVersion, String reason) {
        return end(h, by, id, expectedVersion, List.of(SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS),
                SessionStatus.ABORTED, "abort", Optional.of(reason));
    }

    private SessionRecord end(Handle h, Actor by, String id, Optional<Integer> expectedVersion,
            List<SessionStatus> from, SessionStatus to, String what, Optional<String> reason) {
        SessionRecord s = require(h, id);
        requireStatus(s, from, what);
        int version = expectedVersion.orElse(s.version());
        if (version != s.version() || !store.end(h, s.id(), version, from, to, by.username(), Times.now(clock),
                reason)) {
            SessionRecord now = require(h, s.id());
            throw DomainException.stale(now.version(), now);
        }
        return require(h, id);
    }

    private static void requireStatus(SessionRecord s, List<SessionStatus> allowed, String what) {
        if (!allowed.contains(s.status())) {
            throw new DomainException(Refusal.WRONG_STATUS, List.of(what, s.status().code()),
                    Map.of("currentStatus", s.status().code(), "currentVersion", s.version()));
        }
    }

    /**
     * Records run values (a machine's batch in one transaction) of a running session; each time lies between the
     * start and now (problems name {@code samples[i].time} in a batch).
     */
    public List<Entries.RunValue> recordRunValues(Handle h, Actor by, String id, List<Commands.Sample> samples,
            boolean batch) {
        return checkRunValues(h, by, id, samples, batch, patient -> { }).write(h);
    }

    /**
     * Checks run values against the session (it must be running, each sample timed inside it) without writing,
     * naming the patient to {@code concerns} as soon as it is known; the answer inserts them. For a transaction
     * shared with other requests' run values (a machine streams them).
     */
    public CheckedWrite<List<Entries.RunValue>> checkRunValues(Handle h, Actor by, String id,
            List<Commands.Sample> samples, boolean batch, java.util.function.Consumer<String> concerns) {
        SessionStore.PatientAndStatus s = store.patientAndStatus(h, id)
                .orElseThrow(() -> DomainException.notFound("session"));
        concerns.accept(s.patientId());
        if (s.status() != SessionStatus.IN_PROGRESS) {
            throw new DomainException(Refusal.WRONG_STATUS, List.of("record run values of", s.status().code()),
                    Map.of("currentStatus", s.status().code()));
        }
        Instant now = Times.now(clock);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            EntryWindow.RUN_VALUE.problem(batch ? "samples[" + i + "].time" : "time", samples.get(i).time(), s, now)
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the run values are timed outside the session", problems);
        }
        List<Entries.RunValue> values = new ArrayList<>();
        for (Commands.Sample v : samples) {
            values.add(new Entries.RunValue(Ids.next(), v.time(), v.source(), v.inletFlowMlPerMin(),
                    v.acFlowMlPerMin(), v.removalFlowMlPerMin(), v.replacementFlowMlPerMin(), v.processedVolumeMl(),
                    v.acVolumeMl(), v.removedVolumeMl(), v.replacementVolumeMl(), v.fluidBalanceMl(), now,
                    by.username()));
        }
        return w -> {
            store.insertRunValues(w, id, values);
            return values;
        };
    }

    public Entries.Vitals recordVitals(Handle h, Actor by, String id, Commands.Vitals v) {
        observation(h, id, v.time());
        Entries.Vitals e = new Entries.Vitals(Ids.next(), v.time(), v.systolicMmHg(), v.diastolicMmHg(),
                v.pulsePerMin(), v.spo2Percent(), v.temperatureC(), Times.now(clock), by.username());
        store.insertVitals(h, id, e);
        return e;
    }

    public Entries.FluidGiven recordFluid(Handle h, Actor by, String id, Commands.GiveFluid f) {
        observation(h, id, f.time());
        Entries.FluidGiven e = new Entries.FluidGiven(Ids.next(), f.time(), f.fluid(), f.volumeMl(), f.units(),
                Times.now(clock), by.username());
        store.insertFluid(h, id, e);
        return e;
    }

    public Entries.AdverseEvent reportAdverseEvent(Handle h, Actor by, String id, Commands.ReportAdverseEvent a) {
        observation(h, id, a.time());
        Entries.AdverseEvent e = new Entries.AdverseEvent(Ids.next(), a.time(), a.type(), a.grade(), a.actionTaken(),
                a.interrupted(), a.notes(), Times.now(clock), by.username());
        store.insertAdverseEvent(h, id, e);
        return e;
    }

    /** The vascular access checked for this session. */
    public Entries.VascularAccess recordAccess(Handle h, Actor by, String id, Commands.RecordAccess a) {
        observation(h, id, a.time());
        if (a.placedOn().isPresent() && a.placedOn().get().isAfter(LocalDate.ofInstant(a.time(), clock.getZone()))) {
            throw InvalidInputException.of("placedOn", MessageKey.INVALID, a.placedOn().get()
                    + " is after the day of this check; an access is placed before it is used");
        }
        Entries.VascularAccess e = new Entries.VascularAccess(Ids.next(), a.time(), a.kind(), a.site(), a.placedBy(),
                a.placedOn(), a.problems(), Times.now(clock), by.username());
        store.insertAccess(h, id, e);
        return e;
    }

    /** A nursing note, timed and signed. */
    public Entries.NursingNote recordNote(Handle h, Actor by, String id, Commands.Note n) {
        observation(h, id, n.time());
        Entries.NursingNote e = new Entries.NursingNote(Ids.next(), n.time(), n.text(), Times.now(clock),
                by.username());
        store.insertNote(h, id, e);
        return e;
    }

    /** What the product of a collection measured; a procedure that collects nothing has no product. */
    public Entries.ProductMeasurement recordProduct(Handle h, Actor by, String id, Commands.MeasureProduct p) {
        SessionRecord s = require(h, id);
        if (!s.procedureType().collectsProduct()) {
            throw new DomainException(Refusal.WRONG_STATUS, List.of("record a product of", s.procedureType()
                    .displayName()), Map.of("procedureType", s.procedureType().code()));
        }
        EntryWindow.PRODUCT.check("time", p.time(), window(s), Times.now(clock));
        Entries.ProductMeasurement e = new Entries.ProductMeasurement(Ids.next(), p.time(), p.volumeMl(),
                p.cd34PerUl(), p.cd3PerUl(), p.wbcE9PerL(), p.neutrophilsE9PerL(), p.hematocritPercent(),
                Times.now(clock), by.username());
        store.insertProduct(h, id, e);
        return e;
    }

    /** What the collected product measured at the end of the session, oldest first. */
    public List<Entries.ProductMeasurement> productMeasurements(Handle h, String id) {
        return store.products(h, id);
    }

    /** Labs taken at a scheduled, running or completed session go into the patient's lab history. */
    public List<LabEntry> recordLabs(Handle h, Actor by, String id, Commands.Labs labs) {
        SessionRecord s = require(h, id);
        requireStatus(s, List.of(SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS, SessionStatus.COMPLETED),
                "record labs of");
        EntryWindow w = switch (labs.phase()) {
            case PRE -> EntryWindow.PRE_LAB;
            case DURING -> EntryWindow.DURING_LAB;
            default -> EntryWindow.POST_LAB;
        };
        w.check("time", labs.time(), window(s), Times.now(clock));
        return patients.recordSessionLabs(h, by, s.patientId(), s.id(), labs.time(), labs.phase(), labs.values());
    }

    /**
     * Observations may be added to a session in any status (a late vital sign, an event noticed after the end),
     * timed from {@link EntryWindow#OBSERVATION}'s allowance before the start to its allowance after the end.
     */
    private void observation(Handle h, String id, Instant time) {
        SessionStore.PatientAndStatus s = store.patientAndStatus(h, id)
                .orElseThrow(() -> DomainException.notFound("session"));
        EntryWindow.OBSERVATION.check("time", time, s, Times.now(clock));
    }

    private static SessionStore.PatientAndStatus window(SessionRecord s) {
        return new SessionStore.PatientAndStatus(s.patientId(), s.status(), s.plannedStart(), s.startedAt(),
                s.endedAt());
    }

    /** The whole clinical record with its comparison to the plan. */
    /** What was observed and given in a session (no plan, no comparison): the entries other features read. */
    public Entries.Observed observed(Handle h, String id) {
        return new Entries.Observed(store.runValues(h, id), store.vitals(h, id), store.fluids(h, id),
                store.adverseEvents(h, id));
    }

    /** The vascular access checked for a session, in time order (empty when none was recorded). */
    public List<Entries.VascularAccess> vascularAccess(Handle h, String sessionId) {
        return store.access(h, sessionId);
    }

    /** The session an entry was recorded in. */
    public Optional<String> sessionOfEntry(Handle h, Entries.Kind kind, String entryId) {
        return store.sessionOfEntry(h, kind, entryId);
    }

    /** When each session of a patient last changed, by session id. */
    public java.util.Map<String, Instant> updatedAt(Handle h, String patientId) {
        return store.updatedAt(h, patientId);
    }

    public ClinicalRecord record(Handle h, String id) {
        SessionRecord s = require(h, id);
        Plan plan = store.plan(h, id);
        List<Entries.RunValue> runValues = store.runValues(h, id);
        Optional<ClinicalRecord.StartAcknowledgement> ack = store.startAcknowledgement(h, id).map(codes ->
                new ClinicalRecord.StartAcknowledgement(codes, s.startedBy().orElse(null),
                        s.startedAt().orElse(null)));
        OrderRecord o = orders.require(h, s.orderId());
        List<LabEntry> labs = patients.sessionLabs(h, id);
        List<Entries.ProductMeasurement> products = store.products(h, id);
        List<Entries.FluidGiven> fluids = store.fluids(h, id);
        return new ClinicalRecord(s, ack, plan, runValues, store.vitals(h, id), fluids, labs,
                store.adverseEvents(h, id), store.access(h, id), store.notes(h, id), products,
                Comparison.of(o.request(), plan, runValues, labs, products, fluids, s, clock.getZone()),
                Completeness.of(s, runValues, labs, products, store.access(h, id)));
    }
}
