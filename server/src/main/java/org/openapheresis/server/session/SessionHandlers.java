package org.openapheresis.server.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.candidacy.CheckWarning;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FieldKey;
import org.openapheresis.server.http.FieldProblem;
import org.openapheresis.server.http.Fields;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.order.OrderHandlers;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderStore;
import org.openapheresis.server.patient.PatientHandlers;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.safety.Severity;
import org.openapheresis.safety.Warning;
import org.openapheresis.system.Range;

/**
 * {@code /api/sessions}: schedule a signed order, start (after the checks are re-run from the current record and
 * every warning is acknowledged), record run values, vitals, fluids, labs and adverse events, then complete or
 * abort; and the whole record with its comparison to the plan.
 */
public final class SessionHandlers {

    public static final int MAX_LIST = 1000;
    /** Most samples in one run-value batch. */
    public static final int MAX_BATCH = 500;
    /** Warning codes one start may acknowledge; a plan has far fewer rules than this. */
    static final int MAX_ACKNOWLEDGED = 50;
    /** The audit log's resource column width (V2 migration). */
    private static final int MAX_AUDIT_RESOURCE = 300;
    static final Range FLOW_ML_PER_MIN = Range.of(0, 500);
    static final Range VOLUME_ML = Range.of(0, 50000);
    static final Range BALANCE_ML = Range.of(-10000, 10000);
    static final Range SYSTOLIC_MMHG = Range.of(30, 300);
    static final Range DIASTOLIC_MMHG = Range.of(10, 200);
    static final Range PULSE_PER_MIN = Range.of(10, 300);
    static final Range SPO2_PERCENT = Range.of(30, 100);
    static final Range TEMPERATURE_C = Range.of(25, 45);
    static final Range FLUID_ML = Range.of(0.1, 20000);

    private final Jdbi jdbi;
    private final SessionStore sessions;
    private final OrderStore orders;
    private final PatientStore patients;
    private final Clock clock;

    public SessionHandlers(Jdbi jdbi, SessionStore sessions, OrderStore orders, PatientStore patients, Clock clock) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.orders = orders;
        this.patients = patients;
        this.clock = clock;
    }

    public void schedule(Call call) {
        Fields f = call.fields();
        String orderId = f.text("orderId", true, 36).orElse(null);
        Instant start = f.time("plannedStart", true).orElse(null);
        String machine = f.text("machine", false, 100).orElse(null);
        String chair = f.text("chair", false, 100).orElse(null);
        String nurse = f.text("nurse", false, 100).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems("the session has invalid values");
        String id = Ids.next();
        OrderRecord order = jdbi.withHandle(h -> orders.find(h, orderId)).orElseThrow(() -> HttpProblem.invalid(
                "the session has invalid values", List.of(new FieldProblem("orderId", "NOT_FOUND", "no order with this id"))));
        SessionRecord created = call.write(order.patientId(), h -> {
            OrderRecord o = orders.find(h, orderId).orElseThrow();
            if (!OrderRecord.SIGNED.equals(o.status())) {
                throw HttpProblem.conflict("only a signed order can be scheduled; a physician must sign order " + o.id());
            }
            String planJson = Json.write(o.plan());
            MachineBookings.requireFree(h, machine, start, MachineBookings.durationMin(planJson), null, call.zone());
            Instant now = Times.now(clock);
            SessionRecord s = new SessionRecord(id, 1, o.id(), o.patientId(), null, null, start, machine, chair, nurse,
                    SessionRecord.SCHEDULED, null, now, call.who().username(), null, null, null, null);
            sessions.insert(h, s, planJson);
            return sessions.find(h, id).orElseThrow();
        });
        call.answer(created);
    }

    /** Moves a scheduled session (time, machine, chair, nurse); If-Match or {@code version} is required. */
    public void reschedule(Call call) {
        Fields f = call.fields();
        Instant start = f.time("plannedStart", true).orElse(null);
        String machine = f.text("machine", false, 100).orElse(null);
        String chair = f.text("chair", false, 100).orElse(null);
        String nurse = f.text("nurse", false, 100).orElse(null);
        Optional<Integer> version = f.integer("version", false, 1, Integer.MAX_VALUE);
        f.allow("id", "orderId", "patientId", "patientName", "procedureType", "status", "abortReason", "createdAt",
                "createdBy", "startedAt", "startedBy", "endedAt", "endedBy");
        f.rejectUnknown();
        f.throwIfProblems("the session has invalid values");
        int expected = call.ifMatch().or(() -> version).orElseThrow(() -> HttpProblem.invalid(
                "the version you edited is needed", List.of(new FieldProblem("version", FieldKey.REQUIRED.name(),
                        "is required (or send the If-Match header)"))));
        SessionRecord s0 = load(call);
        call.answer(call.write(s0.patientId(), h -> {
            SessionRecord s = sessions.find(h, s0.id()).orElseThrow();
            requireStatus(s, List.of(SessionRecord.SCHEDULED), "reschedule");
            if (s.version() == expected) {
                MachineBookings.requireFree(h, machine, start, MachineBookings.durationMin(sessions.planJson(h, s.id())),
                        s.id(), call.zone());
            }
            if (s.version() != expected || !sessions.reschedule(h, s.id(), expected, start, machine, chair, nurse)) {
                SessionRecord now = sessions.find(h, s.id()).orElseThrow();
                throw HttpProblem.staleVersion(now.version(), now);
            }
            return sessions.find(h, s.id()).orElseThrow();
        }));
    }

    public void list(Call call) {
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        Optional<String> date = call.query("date");
        if (date.isPresent()) {
            try {
                LocalDate d = LocalDate.parse(date.get());
                from = Optional.of(d.atStartOfDay(call.zone()).toInstant());
                to = Optional.of(d.plusDays(1).atStartOfDay(call.zone()).toInstant());
            } catch (DateTimeParseException e) {
                throw HttpProblem.invalid("bad query", List.of(new FieldProblem("date", FieldKey.NOT_A_DATE.name(),
                        FieldKey.NOT_A_DATE.format(date.get()))));
            }
        }
        call.query("patientId").ifPresent(call::concerns);
        Optional<Instant> f = from;
        Optional<Instant> t = to;
        call.answer(jdbi.withHandle(h -> sessions.list(h, f, t, call.query("patientId"), MAX_LIST)));
    }

    public void get(Call call) {
        SessionRecord s = load(call);
        call.answer(s);
    }

    private SessionRecord load(Call call) {
        SessionRecord s = jdbi.withHandle(h -> sessions.find(h, call.param("id")))
                .orElseThrow(() -> HttpProblem.notFound("session"));
        call.concerns(s.patientId());
        return s;
    }

    /**
     * Starts: re-plans and re-runs the checks from the current record. Every candidacy warning must be
     * acknowledged on the order by a physician, and every plan warning of severity warning or danger by the
     * person starting, in {@code acknowledgedWarnings}; else 409 listing what is open. The codes acknowledged
     * are recorded with the session (who and when: {@code startedBy}, {@code startedAt}) and in the audit log.
     */
    public void start(Call call) {
        List<String> acknowledged = List.of();
        if (!call.ctx().body().isBlank()) {
            Fields f = call.fields();
            acknowledged = f.texts("acknowledgedWarnings", false, MAX_ACKNOWLEDGED, 100).orElse(List.of())
                    .stream().distinct().toList();
            f.rejectUnknown();
            f.throwIfProblems("the start has invalid values");
        }
        List<String> codes = acknowledged;
        SessionRecord s0 = load(call);
        Integer expected = call.ifMatch().orElse(null);
        SessionRecord started = call.write(s0.patientId(), h -> {
            SessionRecord s = sessions.find(h, s0.id()).orElseThrow();
            requireStatus(s, List.of(SessionRecord.SCHEDULED), "start");
            OrderRecord o = orders.find(h, s.orderId()).orElseThrow();
            PatientRecord p = patients.find(h, s.patientId()).orElseThrow();
            OrderHandlers.Evaluated e = OrderHandlers.evaluate(p, o.procedure(), o.recipient(), null,
                    LocalDate.now(clock));
            List<CheckWarning> open = e.warnings().stream().filter(w -> !o.acknowledged(w.code())).toList();
            if (!open.isEmpty()) {
                throw new HttpProblem(409, "warnings must be acknowledged by a physician before the session starts "
                        + "(POST /api/orders/" + o.id() + "/acknowledge)", Map.of("unacknowledged", open));
            }
            List<Warning> unread = e.planned().plan().warnings().stream()
                    .filter(w -> w.severity() != Severity.INFO && !codes.contains(w.code().name())).toList();
            if (!unread.isEmpty()) {
                throw new HttpProblem(409, "the plan's warnings must be read and acknowledged by whoever starts the "
                        + "session: send {\"acknowledgedWarnings\": [codes]}",
                        Map.of("unacknowledgedPlanWarnings", unread));
            }
            transition(h, s, expected, List.of(SessionRecord.SCHEDULED), SessionRecord.IN_PROGRESS, call, null,
                    Json.write(e.planned().plan()));
            sessions.recordStartAcknowledgement(h, s.id(), codes);
            if (!codes.isEmpty()) {
                String resource = "/api/sessions/" + s.id() + "/start#acknowledged=" + String.join(",", codes);
                call.auditDetail(h, "acknowledge plan warnings at start",
                        resource.length() <= MAX_AUDIT_RESOURCE ? resource : resource.substring(0, MAX_AUDIT_RESOURCE));
            }
            return sessions.find(h, s.id()).orElseThrow();
        });
        call.answer(started);
    }

    public void complete(Call call) {
        call.noFields();
        call.answer(end(call, List.of(SessionRecord.IN_PROGRESS), SessionRecord.COMPLETED, "complete", null));
    }

    public void abort(Call call) {
        Fields f = call.fields();
        String reason = f.text("reason", true, 1000).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems("an abort needs a reason");
        call.answer(end(call, List.of(SessionRecord.SCHEDULED, SessionRecord.IN_PROGRESS), SessionRecord.ABORTED,
                "abort", reason));
    }

    /** Moves the session from one of {@code from} to {@code to} (409 from any other status or a stale version). */
    private SessionRecord end(Call call, List<String> from, String to, String what, String reason) {
        SessionRecord s0 = load(call);
        Integer expected = call.ifMatch().orElse(null);
        return call.write(s0.patientId(), h -> {
            SessionRecord s = sessions.find(h, s0.id()).orElseThrow();
            requireStatus(s, from, what);
            transition(h, s, expected, from, to, call, reason, null);
            return sessions.find(h, s.id()).orElseThrow();
        });
    }

    private static void requireStatus(SessionRecord s, List<String> allowed, String what) {
        if (!allowed.contains(s.status())) {
            throw new HttpProblem(409, "cannot " + what + " a session that is " + s.status(),
                    Map.of("currentStatus", s.status(), "currentVersion", s.version()));
        }
    }

    private void transition(Handle h, SessionRecord s, Integer expected, List<String> from, String to, Call call,
            String reason, String plan) {
        int version = expected == null ? s.version() : expected;
        if (version != s.version() || !sessions.transition(h, s.id(), version, from, to, call.who().username(),
                Times.now(clock), reason, plan)) {
            SessionRecord now = sessions.find(h, s.id()).orElseThrow();
            throw HttpProblem.staleVersion(now.version(), now);
        }
    }

    /** A sample, or {@code {"samples": [...]}}: a batch in one transaction. */
    public void runValues(Call call) {
        Fields f = call.fields();
        boolean batch = f.has("samples");
        List<Fields> items = batch ? f.objects("samples", true, MAX_BATCH).orElse(List.of()) : List.of(f);
        if (batch) {
            f.rejectUnknown();
        }
        Instant now = Times.now(clock);
        List<Entries.RunValue> values = new ArrayList<>();
        for (Fields s : items) {
            Instant time = s.time("time", true).orElse(null);
            String source = s.oneOf("source", true, Catalog.RUN_VALUE_SOURCES).orElse(null);
            Double[] m = {
                s.number("inletFlowMlPerMin", false, FLOW_ML_PER_MIN).orElse(null),
                s.number("acFlowMlPerMin", false, FLOW_ML_PER_MIN).orElse(null),
                s.number("removalFlowMlPerMin", false, FLOW_ML_PER_MIN).orElse(null),
                s.number("replacementFlowMlPerMin", false, FLOW_ML_PER_MIN).orElse(null),
                s.number("processedVolumeMl", false, VOLUME_ML).orElse(null),
                s.number("acVolumeMl", false, VOLUME_ML).orElse(null),
                s.number("removedVolumeMl", false, VOLUME_ML).orElse(null),
                s.number("replacementVolumeMl", false, VOLUME_ML).orElse(null),
                s.number("fluidBalanceMl", false, BALANCE_ML).orElse(null)};
            s.rejectUnknown();
            boolean any = false;
            for (Double d : m) {
                any |= d != null;
            }
            if (!any && s.problems().isEmpty()) {
                s.add("", FieldKey.INVALID, "a sample needs at least one flow or volume");
            }
            values.add(new Entries.RunValue(Ids.next(), time, source, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7],
                    m[8], now, call.who().username()));
        }
        f.throwIfProblems("the run values have invalid values");
        String id = call.param("id");
        call.write(null, h -> {
            String[] s = sessions.patientAndStatus(h, id).orElseThrow(() -> HttpProblem.notFound("session"));
            call.concerns(s[0]);
            if (!SessionRecord.IN_PROGRESS.equals(s[1])) {
                throw new HttpProblem(409, "cannot record run values of a session that is " + s[1],
                        Map.of("currentStatus", s[1]));
            }
            sessions.insertRunValues(h, id, values);
            return null;
        });
        call.answer(Map.of("recorded", values.size(), "runValues", values));
    }

    public void vitals(Call call) {
        Fields f = call.fields();
        Instant time = f.time("time", true).orElse(null);
        Double sys = f.number("systolicMmHg", false, SYSTOLIC_MMHG).orElse(null);
        Double dia = f.number("diastolicMmHg", false, DIASTOLIC_MMHG).orElse(null);
        Double pulse = f.number("pulsePerMin", false, PULSE_PER_MIN).orElse(null);
        Double spo2 = f.number("spo2Percent", false, SPO2_PERCENT).orElse(null);
        Double temp = f.number("temperatureC", false, TEMPERATURE_C).orElse(null);
        f.rejectUnknown();
        if (f.problems().isEmpty() && sys == null && dia == null && pulse == null && spo2 == null && temp == null) {
            f.add("", FieldKey.INVALID, "vitals need at least one measurement");
        }
        if (sys != null && dia != null && dia >= sys) {
            f.add("diastolicMmHg", FieldKey.INVALID, "diastolic must be below systolic");
        }
        f.throwIfProblems("the vitals have invalid values");
        Entries.Vitals v = new Entries.Vitals(Ids.next(), time, sys, dia, pulse, spo2, temp, Times.now(clock),
                call.who().username());
        recordEntry(call, h -> sessions.insertVitals(h, call.param("id"), v));
        call.answer(v);
    }

    public void fluids(Call call) {
        Fields f = call.fields();
        Instant time = f.time("time", true).orElse(null);
        String fluid = f.oneOf("fluid", true, Catalog.FLUIDS).orElse(null);
        Double volume = f.number("volumeMl", true, FLUID_ML).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems("the fluid has invalid values");
        Entries.Fluid v = new Entries.Fluid(Ids.next(), time, fluid, volume, Times.now(clock), call.who().username());
        recordEntry(call, h -> sessions.insertFluid(h, call.param("id"), v));
        call.answer(v);
    }

    public void labs(Call call) {
        Fields f = call.fields();
        Instant time = f.time("time", true).orElse(null);
        String phase = f.oneOf("phase", true, Catalog.LAB_PHASES).orElse(null);
        Map<String, Double> values = f.object("values", true).map(PatientHandlers::labs).orElse(Map.of());
        f.rejectUnknown();
        if (f.problems().isEmpty() && values.isEmpty()) {
            f.add("values", FieldKey.INVALID, "needs at least one lab value");
        }
        f.throwIfProblems("the labs have invalid values");
        SessionRecord s = load(call);
        var stored = call.write(s.patientId(), h -> {
            SessionRecord current = sessions.find(h, s.id()).orElseThrow();
            requireStatus(current, List.of(SessionRecord.SCHEDULED, SessionRecord.IN_PROGRESS, SessionRecord.COMPLETED),
                    "record labs of");
            return patients.addLabs(h, s.patientId(), s.id(), time, phase, values, Times.now(clock),
                    call.who().username());
        });
        call.answer(stored);
    }

    public void adverseEvents(Call call) {
        Fields f = call.fields();
        Instant time = f.time("time", true).orElse(null);
        String type = f.oneOf("type", true, List.copyOf(Catalog.ADVERSE_EVENT_TYPES.keySet())).orElse(null);
        String grade = f.oneOf("grade", true, List.copyOf(Catalog.GRADES.keySet())).orElse(null);
        String action = f.text("actionTaken", false, 1000).orElse(null);
        Boolean interrupted = f.bool("interrupted", true).orElse(null);
        String notes = f.text("notes", false, 2000).orElse(null);
        f.rejectUnknown();
        if ("severe".equals(grade) && Boolean.FALSE.equals(interrupted)) {
            f.add("interrupted", FieldKey.INVALID, "a severe event is one that interrupted the procedure (WAA grade)");
        }
        if ("moderate".equals(grade) && action == null) {
            f.add("actionTaken", FieldKey.INVALID, "a moderate event needed medication: name it (WAA grade)");
        }
        f.throwIfProblems("the adverse event has invalid values");
        Entries.AdverseEvent e = new Entries.AdverseEvent(Ids.next(), time, type, grade, action, interrupted, notes,
                Times.now(clock), call.who().username());
        recordEntry(call, h -> sessions.insertAdverseEvent(h, call.param("id"), e));
        call.answer(e);
    }

    private void recordEntry(Call call, java.util.function.Consumer<Handle> insert) {
        SessionRecord s = load(call);
        call.write(s.patientId(), h -> {
            SessionRecord current = sessions.find(h, s.id()).orElseThrow();
            requireStatus(current, List.of(SessionRecord.SCHEDULED, SessionRecord.IN_PROGRESS, SessionRecord.COMPLETED,
                    SessionRecord.ABORTED), "record");
            insert.accept(h);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    public void record(Call call) {
        SessionRecord s = load(call);
        Map<String, Object> body = jdbi.withHandle(h -> {
            Map<String, Object> plan = (Map<String, Object>) Json.parse(sessions.planJson(h, s.id()));
            List<Entries.RunValue> runValues = sessions.runValues(h, s.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("session", s);
            Optional<List<String>> ack = sessions.startAcknowledgement(h, s.id());
            if (ack.isPresent()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("codes", ack.get());
                a.put("by", s.startedBy());
                a.put("at", s.startedAt());
                m.put("startAcknowledgement", a);
            }
            m.put("plan", plan);
            m.put("runValues", runValues);
            m.put("vitals", sessions.vitals(h, s.id()));
            m.put("fluids", sessions.fluids(h, s.id()));
            m.put("labs", patients.sessionLabs(h, s.id()));
            m.put("adverseEvents", sessions.adverseEvents(h, s.id()));
            m.put("comparison", Comparison.of(plan, runValues, s));
            return m;
        });
        call.answer(body);
    }

    /** The catalogues the UI offers. */
    public static Map<String, Object> catalog() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adverseEventTypes", Catalog.ADVERSE_EVENT_TYPES);
        m.put("grades", Catalog.GRADES);
        m.put("gradesSource", Catalog.WAA_SOURCE);
        m.put("fluids", Catalog.FLUIDS);
        m.put("runValueSources", Catalog.RUN_VALUE_SOURCES);
        m.put("labPhases", Catalog.LAB_PHASES);
        m.put("sessionStatuses", List.of(SessionRecord.SCHEDULED, SessionRecord.IN_PROGRESS, SessionRecord.COMPLETED,
                SessionRecord.ABORTED));
        return m;
    }
}
