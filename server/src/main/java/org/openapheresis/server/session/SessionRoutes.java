package org.openapheresis.server.session;

import static org.openapheresis.server.access.Permission.SESSIONS_CLINICAL_READ;
import static org.openapheresis.server.access.Permission.SESSIONS_READ;
import static org.openapheresis.server.access.Permission.SESSIONS_RECORD;
import static org.openapheresis.server.access.Permission.SESSIONS_SCHEDULE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.patient.LabPhase;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.session.Vocabulary.AdverseEventType;
import org.openapheresis.server.session.Vocabulary.Fluid;
import org.openapheresis.server.session.Vocabulary.Grade;
import org.openapheresis.server.session.Vocabulary.RunValueSource;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/** {@code /api/sessions}: parse, call one {@link SessionService} method, answer. */
public final class SessionRoutes implements FeatureRoutes {

    /** The audit log's resource column width (V2 migration). */
    private static final int MAX_AUDIT_RESOURCE = 300;
    private static final Range VERSION = Range.of(1, Integer.MAX_VALUE);
    private static final String WARNING_CODES = String.join(", ", java.util.Arrays.stream(BookingWarning.Code.values())
            .map(BookingWarning.Code::name).toList());

    private final SessionService sessions;

    public SessionRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/sessions", SESSIONS_READ, "Sessions (?date=YYYY-MM-DD&patientId=)", this::list)
                        .audit(),
                Route.post("/api/sessions", SESSIONS_SCHEDULE, "Schedule a signed order (plannedStart, machine, chair, "
                        + "nurse). Outside the unit's rules it is booked only with {\"acknowledgedWarnings\": [codes]} "
                        + "holding every warning found (" + WARNING_CODES + "); the acknowledgement is kept with the "
                        + "session (bookingAcknowledgement) and audited", Map.of("orderId", "…", "plannedStart",
                        "2026-03-02T08:30:00Z", "machine", "Optia-1", "chair", "Chair 1", "nurse", "nurse.moreau"),
                        this::schedule).audit().created()
                        .error(409, "order not signed, the machine is booked (the session in the way is named) or "
                                + "out of service then, the nurse is off shift on a day the unit keeps a rota "
                                + "(NURSE_OFF_SHIFT), or warnings of the unit's rules not acknowledged "
                                + "(BOOKING_WARNINGS_OPEN, listed in unacknowledged)"),
                Route.get("/api/sessions/{id}", SESSIONS_READ, "One session", this::get).audit(),
                Route.put("/api/sessions/{id}", SESSIONS_SCHEDULE, "Reschedule a scheduled session (plannedStart, "
                        + "machine, chair, nurse; If-Match or version; acknowledgedWarnings as for a booking)",
                        Map.of("plannedStart", "2026-03-03T10:00:00Z", "machine", "Optia-2", "chair", "Chair 2",
                        "nurse", "nurse.tanaka", "version", 1), this::reschedule).audit()
                        .error(409, "stale version or wrong state, the machine is booked or out of service then, "
                                + "the nurse is off shift on a day the unit keeps a rota (NURSE_OFF_SHIFT), or "
                                + "warnings of the unit's rules not acknowledged (BOOKING_WARNINGS_OPEN)"),
                Route.post("/api/sessions/{id}/start", SESSIONS_RECORD, "Start: {\"acknowledgedWarnings\": [codes]} "
                        + "must hold every plan warning of severity warning or danger, and a physician must have "
                        + "acknowledged every candidacy warning on the order; else 409 with the list. The codes are "
                        + "recorded with the session and audited", START_EXAMPLE, this::start)
                        .optionalBody(START_EXAMPLE).audit()
                        .error(409, "stale version or wrong state, or warnings not acknowledged (listed)"),
                Route.action("/api/sessions/{id}/complete", SESSIONS_RECORD, "Complete", this::complete).audit()
                        .error(409, "stale version or wrong state"),
                Route.post("/api/sessions/{id}/cancel", SESSIONS_SCHEDULE, "Cancel a scheduled session with the "
                        + "reason (it never started; it no longer counts against the course)",
                        Map.of("reason", "patient unwell, rebooked"), this::cancel).audit()
                        .error(409, "stale version, or the session is not scheduled"),
                Route.post("/api/sessions/{id}/abort", SESSIONS_RECORD, "Abort with a reason",
                        Map.of("reason", "access lost"), this::abort).audit()
                        .error(409, "stale version or wrong state"),
                Route.post("/api/sessions/{id}/run-values", SESSIONS_RECORD, "Record a run-value sample or "
                        + "{\"samples\": [...]}", Map.of("samples", List.of(runValueExample())), this::runValues)
                        .audit().created().error(409, "the session is not running"),
                Route.post("/api/sessions/{id}/vitals", SESSIONS_RECORD, "Record vitals", Map.of("time",
                        "2026-03-02T09:00:00Z", "systolicMmHg", 118, "diastolicMmHg", 72, "pulsePerMin", 80,
                        "spo2Percent", 98, "temperatureC", 36.8), this::vitals).audit().created(),
                Route.post("/api/sessions/{id}/fluids", SESSIONS_RECORD, "Record a fluid given (a plasma product, "
                        + "plasma-ffp, plasma-fp24, plasma-sd or plasma-cryo-poor, with the units given: units)",
                        Map.of("time",
                        "2026-03-02T09:10:00Z", "fluid", "calcium-gluconate-10", "volumeMl", 10), this::fluids)
                        .audit().created(),
                Route.post("/api/sessions/{id}/labs", SESSIONS_RECORD, "Record pre/during/post labs", Map.of("time",
                        "2026-03-02T11:00:00Z", "phase", "post", "values", Map.of("iggGPerL", 3.9,
                        "plateletsE9PerL", 200)), this::labs).audit().created(),
                Route.post("/api/sessions/{id}/adverse-events", SESSIONS_RECORD, "Record an adverse event (WAA grade)",
                        Map.of("time", "2026-03-02T09:20:00Z", "type", "citrate-reaction", "grade", "moderate",
                        "actionTaken", "calcium gluconate 10 mL i.v.", "interrupted", false, "notes",
                        "perioral tingling"), this::adverseEvents).audit().created(),
                Route.post("/api/sessions/{id}/vascular-access", SESSIONS_RECORD, "Record the vascular access "
                        + "checked for the session (kind, site, who placed it, when, problems)", Map.of("time",
                        "2026-03-02T08:40:00Z", "kind", "peripheral", "site", "left antecubital (draw), right forearm "
                        + "(return)", "placedBy", "nurse.moreau", "placedOn", "2026-03-02", "problems",
                        "poor draw at first; repositioned"), this::access).audit().created(),
                Route.post("/api/sessions/{id}/notes", SESSIONS_RECORD, "Add a nursing note (timed and signed by "
                        + "the person signed in)", Map.of("time", "2026-03-02T09:30:00Z", "text", "Tingling eased "
                        + "after calcium; flows unchanged."), this::note).audit().created(),
                Route.post("/api/sessions/{id}/product", SESSIONS_RECORD, "Record what the collected product "
                        + "measured at the end of a collection (volume and cell counts of the bag)", Map.of("time",
                        "2026-03-02T12:10:00Z", "volumeMl", 180, "cd34PerUl", 1900, "wbcE9PerL", 210,
                        "hematocritPercent", 4), this::product).audit().created()
                        .error(409, "the procedure collects no product"),
                Route.get("/api/sessions/{id}/record", SESSIONS_CLINICAL_READ, "The whole clinical record with the "
                        + "comparison to the plan", this::record).audit());
    }

    private static final Map<String, Object> START_EXAMPLE = Map.of("acknowledgedWarnings",
            List.of("FIBRINOGEN_LOW_POST"));

    private void schedule(Call call) {
        Node f = call.body();
        String orderId = f.text("orderId", true, 36).orElse(null);
        Instant start = call.plannedTime(f, "plannedStart", true).orElse(null);
        Optional<String> machine = f.text("machine", false, 100);
        Optional<String> chair = f.text("chair", false, 100);
        Optional<String> nurse = f.text("nurse", false, 100);
        java.util.Set<BookingWarning.Code> acknowledged = BookingWarning.readAcknowledged(f);
        f.rejectUnknown();
        throwIfProblems(f, "the session has invalid values");
        Commands.Schedule cmd = new Commands.Schedule(orderId, start, machine, chair, nurse, acknowledged);
        call.answer(call.write(h -> {
            SessionRecord s = sessions.schedule(h, call.actor(), cmd);
            call.concerns(s.patientId());
            auditAcknowledgement(call, h, s);
            return s;
        }));
    }

    private void reschedule(Call call) {
        Node f = call.body();
        Instant start = call.plannedTime(f, "plannedStart", true).orElse(null);
        Optional<String> machine = f.text("machine", false, 100);
        Optional<String> chair = f.text("chair", false, 100);
        Optional<String> nurse = f.text("nurse", false, 100);
        OptionalDouble version = f.number("version", VERSION, false);
        java.util.Set<BookingWarning.Code> acknowledged = BookingWarning.readAcknowledged(f);
        f.allow("id", "orderId", "patientId", "patientName", "procedureType", "status", "abortReason", "createdAt",
                "createdBy", "startedAt", "startedBy", "endedAt", "endedBy", "bookingAcknowledgement");
        f.rejectUnknown();
        throwIfProblems(f, "the session has invalid values");
        int expected = call.requireVersion(version.isPresent() ? Optional.of((int) version.getAsDouble())
                : Optional.empty());
        String id = call.param("id");
        Commands.Reschedule cmd = new Commands.Reschedule(start, machine, chair, nurse, expected, acknowledged);
        call.answer(call.write(h -> {
            call.concerns(sessions.patientOf(h, id));
            SessionRecord s = sessions.reschedule(h, call.actor(), id, cmd);
            auditAcknowledgement(call, h, s);
            return s;
        }));
    }

    /** A further audit entry when a booking or a move was made outside the unit's rules: which were acknowledged. */
    private static void auditAcknowledgement(Call call, org.jdbi.v3.core.Handle h, SessionRecord s) {
        s.bookingAcknowledgement().ifPresent(a -> call.auditDetail(h, BookingAcknowledgement.AUDIT_ACTION,
                a.auditResource(s.id())));
    }

    private void list(Call call) {
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        Optional<LocalDate> date = call.dateQuery("date");
        if (date.isPresent()) {
            ZoneId zone = call.zone();
            from = Optional.of(date.get().atStartOfDay(zone).toInstant());
            to = Optional.of(date.get().plusDays(1).atStartOfDay(zone).toInstant());
        }
        call.idQuery("patientId").ifPresent(call::concerns);
        Optional<Instant> f = from;
        Optional<Instant> t = to;
        call.answer(call.read(h -> sessions.list(h, f, t, call.idQuery("patientId"))));
    }

    private void get(Call call) {
        SessionRecord s = call.read(h -> sessions.require(h, call.param("id")));
        call.concerns(s.patientId());
        call.answer(s);
    }

    private void start(Call call) {
        List<String> codes = call.optionalBody().map(f -> {
            List<String> c = f.texts("acknowledgedWarnings", false, SessionService.MAX_ACKNOWLEDGED, 100)
                    .orElse(List.of()).stream().distinct().toList();
            for (int i = 0; i < c.size(); i++) {
                if (org.openapheresis.safety.WarningCode.fromName(c.get(i)).isEmpty()) {
                    f.add("acknowledgedWarnings[" + i + "]", MessageKey.NOT_ONE_OF, c.get(i), "the warning codes of "
                            + "the plan format");
                }
            }
            f.rejectUnknown();
            throwIfProblems(f, "the start has invalid values");
            return c;
        }).orElse(List.of());
        Commands.Start cmd = new Commands.Start(codes, call.ifMatch());
        String id = call.param("id");
        call.answer(call.write(h -> {
            SessionRecord s = sessions.require(h, id);
            call.concerns(s.patientId());
            SessionRecord started = sessions.start(h, call.actor(), s, cmd);
            if (!codes.isEmpty()) {
                String resource = "/api/sessions/" + id + "/start#acknowledged=" + String.join(",", codes);
                call.auditDetail(h, "acknowledge plan warnings at start",
                        resource.length() <= MAX_AUDIT_RESOURCE ? resource : resource.substring(0, MAX_AUDIT_RESOURCE));
            }
            return started;
        }));
    }

    private void complete(Call call) {
        call.noBody();
        Optional<Integer> expected = call.ifMatch();
        entry(call, (h, id) -> sessions.complete(h, call.actor(), id, expected));
    }

    private void cancel(Call call) {
        withReason(call, "a cancellation needs a reason",
                (h, id, expected, reason) -> sessions.cancel(h, call.actor(), id, expected, reason));
    }

    private void access(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        Vocabulary.AccessKind kind = f.oneOf("kind", true, Vocabulary.codes(Vocabulary.AccessKind.class))
                .flatMap(c -> Vocabulary.fromCode(Vocabulary.AccessKind.class, c)).orElse(null);
        Optional<String> site = f.text("site", true, 200);
        Optional<String> placedBy = f.text("placedBy", false, 200);
        Optional<java.time.LocalDate> placedOn = f.date("placedOn", false);
        Optional<String> problems = f.multilineText("problems", false, 1000);
        f.rejectUnknown();
        throwIfProblems(f, "the vascular access has invalid values");
        Commands.RecordAccess cmd = new Commands.RecordAccess(time, kind, site.orElseThrow(), placedBy, placedOn,
                problems);
        entry(call, (h, id) -> sessions.recordAccess(h, call.actor(), id, cmd));
    }

    private void note(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        Optional<String> text = f.multilineText("text", true, 4000);
        f.rejectUnknown();
        throwIfProblems(f, "the note has invalid values");
        Commands.Note cmd = new Commands.Note(time, text.orElseThrow());
        entry(call, (h, id) -> sessions.recordNote(h, call.actor(), id, cmd));
    }

    private void product(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        OptionalDouble volume = f.number("volumeMl", Commands.PRODUCT_VOLUME_ML, true);
        Double cd34 = box(f.number("cd34PerUl", Commands.PRODUCT_CD34_PER_UL, false));
        Double cd3 = box(f.number("cd3PerUl", Commands.PRODUCT_CD3_PER_UL, false));
        Double wbc = box(f.number("wbcE9PerL", Commands.PRODUCT_CELLS_E9_PER_L, false));
        Double neutrophils = box(f.number("neutrophilsE9PerL", Commands.PRODUCT_CELLS_E9_PER_L, false));
        Double hct = box(f.number("hematocritPercent", Commands.PRODUCT_HEMATOCRIT_PERCENT, false));
        f.rejectUnknown();
        throwIfProblems(f, "the product has invalid values");
        Commands.MeasureProduct cmd = new Commands.MeasureProduct(time, volume.getAsDouble(), cd34, cd3, wbc,
                neutrophils, hct);
        entry(call, (h, id) -> sessions.recordProduct(h, call.actor(), id, cmd));
    }

    private void abort(Call call) {
        withReason(call, "an abort needs a reason",
                (h, id, expected, reason) -> sessions.abort(h, call.actor(), id, expected, reason));
    }

    /** A status change that needs a reason: the session's {@code id} and version, and the body's {@code reason}. */
    private interface ReasonedChange {
        Object apply(org.jdbi.v3.core.Handle h, String id, Optional<Integer> expected, String reason);
    }

    /** Reads {@code {"reason"}} (422 with {@code refusal} when missing) and makes the change under the version. */
    private void withReason(Call call, String refusal, ReasonedChange change) {
        Node f = call.body();
        String reason = f.multilineText("reason", true, 1000).orElse(null);
        f.rejectUnknown();
        throwIfProblems(f, refusal);
        Optional<Integer> expected = call.ifMatch();
        entry(call, (h, id) -> change.apply(h, id, expected, reason));
    }

    /** A sample, or {@code {"samples": [...]}}: a batch in one transaction. */
    private void runValues(Call call) {
        Node f = call.body();
        boolean batch = f.has("samples");
        List<Node> items = batch ? f.objects("samples", true, SessionService.MAX_BATCH).orElse(List.of()) : List.of(f);
        if (batch) {
            f.rejectUnknown();
        }
        List<Commands.Sample> samples = new ArrayList<>();
        for (Node s : items) {
            int before = f.problems().size();
            Instant time = call.pastTime(s, "time", true).orElse(null);
            RunValueSource source = s.oneOf("source", true, Vocabulary.codes(RunValueSource.class))
                    .flatMap(c -> Vocabulary.fromCode(RunValueSource.class, c)).orElse(null);
            Double inlet = box(s.number("inletFlowMlPerMin", Commands.FLOW_ML_PER_MIN, false));
            Double ac = box(s.number("acFlowMlPerMin", Commands.FLOW_ML_PER_MIN, false));
            Double removal = box(s.number("removalFlowMlPerMin", Commands.FLOW_ML_PER_MIN, false));
            Double replacement = box(s.number("replacementFlowMlPerMin", Commands.FLOW_ML_PER_MIN, false));
            Double processed = box(s.number("processedVolumeMl", Commands.VOLUME_ML, false));
            Double acVolume = box(s.number("acVolumeMl", Commands.VOLUME_ML, false));
            Double removed = box(s.number("removedVolumeMl", Commands.VOLUME_ML, false));
            Double replacementVolume = box(s.number("replacementVolumeMl", Commands.VOLUME_ML, false));
            Double balance = box(s.number("fluidBalanceMl", Commands.BALANCE_ML, false));
            s.rejectUnknown();
            if (f.problems().size() == before) {
                s.build(() -> new Commands.Sample(time, source, inlet, ac, removal, replacement, processed, acVolume,
                        removed, replacementVolume, balance)).ifPresent(samples::add);
            }
        }
        throwIfProblems(f, "the run values have invalid values");
        String id = call.param("id");
        List<Entries.RunValue> values = call.writeTogether(h -> sessions.checkRunValues(h, call.actor(), id, samples,
                batch, call::concerns));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recorded", values.size());
        body.put("runValues", values);
        call.answer(body);
    }

    private void vitals(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        Double sys = box(f.number("systolicMmHg", Commands.SYSTOLIC_MMHG, false));
        Double dia = box(f.number("diastolicMmHg", Commands.DIASTOLIC_MMHG, false));
        Double pulse = box(f.number("pulsePerMin", Commands.PULSE_PER_MIN, false));
        Double spo2 = box(f.number("spo2Percent", Commands.SPO2_PERCENT, false));
        Double temp = box(f.number("temperatureC", Commands.TEMPERATURE_C, false));
        f.rejectUnknown();
        if (f.problems().isEmpty() && sys == null && dia == null && pulse == null && spo2 == null && temp == null) {
            f.add("", MessageKey.INVALID, "vitals need at least one measurement");
        }
        Optional<Commands.Vitals> v = f.problems().isEmpty()
                ? f.build(() -> new Commands.Vitals(time, sys, dia, pulse, spo2, temp)) : Optional.empty();
        throwIfProblems(f, "the vitals have invalid values");
        entry(call, (h, id) -> sessions.recordVitals(h, call.actor(), id, v.orElseThrow()));
    }

    private void fluids(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        Fluid fluid = f.oneOf("fluid", true, Vocabulary.codes(Fluid.class))
                .flatMap(c -> Vocabulary.fromCode(Fluid.class, c)).orElse(null);
        OptionalDouble volume = f.number("volumeMl", Commands.FLUID_ML, true);
        java.util.OptionalInt units = f.integer("units", Commands.FLUID_UNITS, false);
        f.rejectUnknown();
        throwIfProblems(f, "the fluid has invalid values");
        Commands.GiveFluid cmd = new Commands.GiveFluid(time, fluid, volume.getAsDouble(), units);
        entry(call, (h, id) -> sessions.recordFluid(h, call.actor(), id, cmd));
    }

    private void labs(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        LabPhase phase = f.oneOf("phase", true, LabPhase.sessionCodes()).flatMap(LabPhase::fromCode).orElse(null);
        Map<String, Double> values = f.child("values", true).map(LabField::read).orElse(Map.of());
        f.rejectUnknown();
        if (f.problems().isEmpty() && values.isEmpty()) {
            f.add("values", MessageKey.INVALID, "needs at least one lab value");
        }
        throwIfProblems(f, "the labs have invalid values");
        Commands.Labs cmd = new Commands.Labs(time, phase, values);
        entry(call, (h, id) -> sessions.recordLabs(h, call.actor(), id, cmd));
    }

    private void adverseEvents(Call call) {
        Node f = call.body();
        Instant time = call.pastTime(f, "time", true).orElse(null);
        AdverseEventType type = f.oneOf("type", true, Vocabulary.codes(AdverseEventType.class))
                .flatMap(c -> Vocabulary.fromCode(AdverseEventType.class, c)).orElse(null);
        Grade grade = f.oneOf("grade", true, Vocabulary.codes(Grade.class))
                .flatMap(c -> Vocabulary.fromCode(Grade.class, c)).orElse(null);
        Optional<String> action = f.multilineText("actionTaken", false, 1000);
        Optional<Boolean> interrupted = f.bool("interrupted", true);
        Optional<String> notes = f.multilineText("notes", false, 2000);
        f.rejectUnknown();
        if (grade == Grade.SEVERE && Boolean.FALSE.equals(interrupted.orElse(null))) {
            f.add("interrupted", MessageKey.INVALID, "a severe event is one that interrupted the procedure (WAA grade)");
        }
        if (grade == Grade.MODERATE && action.isEmpty()) {
            f.add("actionTaken", MessageKey.INVALID, "a moderate event needed medication: name it (WAA grade)");
        }
        throwIfProblems(f, "the adverse event has invalid values");
        Commands.ReportAdverseEvent cmd = new Commands.ReportAdverseEvent(time, type, grade, action,
                interrupted.orElseThrow(), notes);
        entry(call, (h, id) -> sessions.reportAdverseEvent(h, call.actor(), id, cmd));
    }

    private void record(Call call) {
        String id = call.param("id");
        call.answer(call.read(h -> {
            call.concerns(sessions.patientOf(h, id));
            return sessions.record(h, id);
        }));
    }

    /** Writes to the session named by the path (an entry, or a change of its status), naming its patient. */
    private <T> void entry(Call call, java.util.function.BiFunction<org.jdbi.v3.core.Handle, String, T> write) {
        String id = call.param("id");
        call.answer(call.write(h -> {
            call.concerns(sessions.patientOf(h, id));
            return write.apply(h, id);
        }));
    }

    private static Double box(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static void throwIfProblems(Node f, String title) {
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException(title, f.problems());
        }
    }

    private static Map<String, Object> runValueExample() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("time", "2026-03-02T09:00:00Z");
        v.put("source", "machine");
        v.put("inletFlowMlPerMin", 60);
        v.put("acFlowMlPerMin", 5);
        v.put("removalFlowMlPerMin", 25);
        v.put("replacementFlowMlPerMin", 25);
        v.put("processedVolumeMl", 1500);
        v.put("acVolumeMl", 120);
        v.put("removedVolumeMl", 800);
        v.put("replacementVolumeMl", 790);
        v.put("fluidBalanceMl", 10);
        return v;
    }
}
