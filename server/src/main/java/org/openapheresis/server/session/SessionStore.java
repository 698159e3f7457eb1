package org.openapheresis.server.session;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.session.Vocabulary.AdverseEventType;
import org.openapheresis.server.session.Vocabulary.Fluid;
import org.openapheresis.server.session.Vocabulary.Grade;
import org.openapheresis.server.session.Vocabulary.RunValueSource;

/** Sessions and their entries in the database: SQL only, in the caller's handle. */
public final class SessionStore {

    private static final String COLUMNS = "s.id, s.version, s.order_id, s.patient_id, p.family_name, p.given_name, "
            + "o.procedure_type, s.planned_start, m.name, s.nurse, s.status, s.abort_reason, s.created_at, "
            + "s.created_by, s.started_at, s.started_by, s.ended_at, s.ended_by, c.name, s.cancel_reason, "
            + "s.booking_acknowledgement_json";
    private static final String FROM = " FROM treatment_session s JOIN patient p ON p.id = s.patient_id "
            + "JOIN clinical_order o ON o.id = s.order_id LEFT JOIN machine m ON m.id = s.machine_id "
            + "LEFT JOIN chair c ON c.id = s.chair_id";
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };

    /**
     * A new session with the plan it was scheduled with.
     *
     * @param plannedEnd when the machine is free again (planned start, run time, set-up and rinseback)
     * @param machineId the machine booked, when one is
     * @param chairId the chair booked, when one is
     */
    public void insert(Handle h, SessionRecord s, Plan plan, Instant plannedEnd, Optional<String> machineId,
            Optional<String> chairId) {
        h.createUpdate("INSERT INTO treatment_session (id, order_id, patient_id, planned_start, planned_end, "
                + "machine_id, chair_id, nurse, status, abort_reason, plan_json, created_at, created_by, version, updated_at, "
                + "booking_acknowledgement_json) VALUES (:id, :order, :patient, :start, :end, :machine, :chair, :nurse, "
                + ":status, NULL, :plan, :at, :by, 1, :at, :ack)")
                .bind("id", s.id()).bind("order", s.orderId()).bind("patient", s.patientId())
                .bind("start", Times.toDb(s.plannedStart())).bind("end", Times.toDb(plannedEnd))
                .bind("machine", machineId.orElse(null)).bind("chair", chairId.orElse(null))
                .bind("nurse", s.nurse().orElse(null)).bind("status", s.status().code())
                .bind("plan", Json.compact(plan)).bind("at", Times.toDb(s.createdAt())).bind("by", s.createdBy())
                .bind("ack", s.bookingAcknowledgement().map(Json::compact).orElse(null)).execute();
    }

    public Optional<SessionRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Sessions planned in [from, to) and/or of one patient, by planned start. */
    public List<SessionRecord> list(Handle h, Optional<Instant> from, Optional<Instant> to, Optional<String> patientId,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE 1 = 1");
        from.ifPresent(x -> sql.append(" AND s.planned_start >= :from"));
        to.ifPresent(x -> sql.append(" AND s.planned_start < :to"));
        patientId.ifPresent(x -> sql.append(" AND s.patient_id = :p"));
        sql.append(" ORDER BY s.planned_start, s.id LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        from.ifPresent(x -> q.bind("from", Times.toDb(x)));
        to.ifPresent(x -> q.bind("to", Times.toDb(x)));
        patientId.ifPresent(x -> q.bind("p", x));
        return q.map((rs, ctx) -> row(rs)).list();
    }

    /**
     * What recording an entry needs to know of its session: the patient (for the audit), the status and the times
     * an entry's time is checked against (the hot path of run-value recording: one indexed read).
     */
    public record PatientAndStatus(String patientId, SessionStatus status, Instant plannedStart,
            Optional<Instant> startedAt, Optional<Instant> endedAt) {
    }

    public Optional<PatientAndStatus> patientAndStatus(Handle h, String id) {
        return h.createQuery("SELECT patient_id, status, planned_start, started_at, ended_at FROM treatment_session "
                + "WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new PatientAndStatus(rs.getString(1),
                        SessionStatus.fromCode(rs.getString(2)).orElseThrow(), time(rs, 3),
                        Optional.ofNullable(time(rs, 4)), Optional.ofNullable(time(rs, 5)))).findOne();
    }

    /** How many sessions of the order count against its course (scheduled, running or completed). */
    public int countedSessions(Handle h, String orderId) {
        return h.createQuery("SELECT COUNT(*) FROM treatment_session WHERE order_id = :o AND status IN (<counted>)")
                .bind("o", orderId).bindList("counted", java.util.Arrays.stream(SessionStatus.values())
                        .filter(SessionStatus::countsAgainstCourse).map(SessionStatus::code).toList())
                .mapTo(Integer.class).one();
    }

    /** Cancels every scheduled session of an order (the order was stopped); answers how many. */
    public int cancelScheduledOf(Handle h, String orderId, String by, Instant at, String reason) {
        return h.createUpdate("UPDATE treatment_session SET status = :to, ended_at = :at, ended_by = :by, "
                + "cancel_reason = :reason, updated_at = :at, version = version + 1 WHERE order_id = :o AND status = :from")
                .bind("to", SessionStatus.CANCELLED.code()).bind("at", Times.toDb(at)).bind("by", by)
                .bind("reason", reason).bind("o", orderId).bind("from", SessionStatus.SCHEDULED.code()).execute();
    }

    /** When each session of a patient last changed (scheduled, rescheduled, started or ended), by id. */
    public java.util.Map<String, Instant> updatedAt(Handle h, String patientId) {
        return h.createQuery("SELECT id, updated_at FROM treatment_session WHERE patient_id = :p").bind("p", patientId)
                .reduceRows(new java.util.HashMap<String, Instant>(), (m, row) -> {
                    m.put(row.getColumn("id", String.class), Times.fromDb(row.getColumn("updated_at",
                            java.time.LocalDateTime.class)));
                    return m;
                });
    }

    /** The session an entry of {@code kind} was recorded in, or empty when there is no such entry. */
    public Optional<String> sessionOfEntry(Handle h, Entries.Kind kind, String entryId) {
        return h.createQuery("SELECT session_id FROM " + kind.table() + " WHERE id = :id").bind("id", entryId)
                .mapTo(String.class).findOne();
    }

    /** The plan the session was scheduled with, or started with. */
    public Plan plan(Handle h, String id) {
        return Json.read(h.createQuery("SELECT plan_json FROM treatment_session WHERE id = :id").bind("id", id)
                .mapTo(String.class).one(), Plan.class);
    }

    /** The codes acknowledged at start, or empty when the session has not started (or predates the record). */
    public Optional<List<String>> startAcknowledgement(Handle h, String id) {
        return h.createQuery("SELECT start_acknowledged_json FROM treatment_session WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getString(1)).findOne().filter(j -> j != null).map(j -> Json.read(j, CODES));
    }

    /**
     * Reschedules a scheduled session when the version matches, with the warnings acknowledged for where it goes
     * (none clears those of where it was).
     */
    public boolean reschedule(Handle h, String id, int expectedVersion, Instant plannedStart, Instant plannedEnd,
            Optional<String> machineId, Optional<String> chairId, Optional<String> nurse, Instant at,
            Optional<BookingAcknowledgement> acknowledgement) {
        return h.createUpdate("UPDATE treatment_session SET planned_start = :start, planned_end = :end, "
                + "machine_id = :machine, chair_id = :chair, nurse = :nurse, updated_at = :at, "
                + "booking_acknowledgement_json = :ack, "
                + "version = version + 1 WHERE id = :id AND version = :expected AND status = :scheduled")
                .bind("ack", acknowledgement.map(Json::compact).orElse(null))
                .bind("start", Times.toDb(plannedStart)).bind("end", Times.toDb(plannedEnd))
                .bind("machine", machineId.orElse(null)).bind("chair", chairId.orElse(null))
                .bind("nurse", nurse.orElse(null)).bind("id", id).bind("expected", expectedVersion)
                .bind("at", Times.toDb(at)).bind("scheduled", SessionStatus.SCHEDULED.code()).execute() == 1;
    }

    /**
     * Starts a scheduled session at the version read, with the plan it runs on and the plan warnings the person
     * starting acknowledged: one statement.
     */
    public boolean start(Handle h, String id, int expectedVersion, String by, Instant at, Plan plan,
            List<String> acknowledged) {
        return h.createUpdate("UPDATE treatment_session SET status = :to, started_at = :at, started_by = :by, "
                + "updated_at = :at, version = version + 1, plan_json = :plan, start_acknowledged_json = :codes "
                + "WHERE id = :id AND version = :expected AND status = :from")
                .bind("to", SessionStatus.IN_PROGRESS.code()).bind("at", Times.toDb(at)).bind("by", by)
                .bind("plan", Json.compact(plan)).bind("codes", Json.compact(acknowledged)).bind("id", id)
                .bind("expected", expectedVersion).bind("from", SessionStatus.SCHEDULED.code()).execute() == 1;
    }

    /**
     * Ends (completes, aborts or cancels) a session in one of {@code from} statuses when the version matches; the
     * reason goes into the abort or the cancel reason.
     */
    public boolean end(Handle h, String id, int expectedVersion, List<SessionStatus> from, SessionStatus to,
            String by, Instant at, Optional<String> reason) {
        String column = to == SessionStatus.CANCELLED ? "cancel_reason" : "abort_reason";
        Update u = h.createUpdate("UPDATE treatment_session SET status = :to, ended_at = :at, ended_by = :by"
                + ", updated_at = :at, version = version + 1" + (reason.isPresent() ? ", " + column + " = :reason" : "")
                + " WHERE id = :id AND version = :expected AND status IN (<from>)")
                .bind("to", to.code()).bind("at", Times.toDb(at)).bind("by", by).bind("id", id)
                .bind("expected", expectedVersion).bindList("from", from.stream().map(SessionStatus::code).toList());
        reason.ifPresent(r -> u.bind("reason", r));
        return u.execute() == 1;
    }

    /** A booking that overlaps the interval on a machine or chair, other than {@code exceptId}. */
    public record Booking(String id, Instant start, Instant end, String patientName) {
    }

    /** Which of a session's resources a booking check is about. */
    public enum Resource {
        MACHINE("machine_id"), CHAIR("chair_id");

        private final String column;

        Resource(String column) {
            this.column = column;
        }
    }

    /**
     * A scheduled session as the rota sees it: when it holds its machine (start to planned end, set-up and rinseback
     * included), the machine's id, the nurse.
     */
    public record Held(String id, String patientName, Instant start, Instant end, Optional<String> machineId,
            Optional<String> machineName, Optional<String> nurse) {
    }

    /** The scheduled sessions that hold their resources for part of {@code [from, to)}, by start. */
    public List<Held> scheduledBetween(Handle h, Instant from, Instant to) {
        return h.createQuery("SELECT s.id, p.family_name, p.given_name, s.planned_start, s.planned_end, s.machine_id, "
                + "m.name, s.nurse FROM treatment_session s JOIN patient p ON p.id = s.patient_id LEFT JOIN machine m "
                + "ON m.id = s.machine_id WHERE s.status = :scheduled AND s.planned_start < :to AND s.planned_end > "
                + ":from ORDER BY s.planned_start, s.id").bind("scheduled", SessionStatus.SCHEDULED.code())
                .bind("from", Times.toDb(from)).bind("to", Times.toDb(to))
                .map((rs, ctx) -> new Held(rs.getString(1), rs.getString(2) + ", " + rs.getString(3), time(rs, 4),
                        time(rs, 5), Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8)))).list();
    }

    public Optional<Booking> overlapping(Handle h, Resource resource, String resourceId, Instant start, Instant end,
            String exceptId) {
        return h.createQuery("SELECT s.id, s.planned_start, s.planned_end, p.family_name, p.given_name "
                + "FROM treatment_session s JOIN patient p ON p.id = s.patient_id WHERE s." + resource.column
                + " = :resource AND s.status IN (:scheduled, :running) AND s.planned_start < :end "
                + "AND s.planned_end > :start AND s.id <> :except ORDER BY s.planned_start LIMIT 1")
                .bind("resource", resourceId).bind("scheduled", SessionStatus.SCHEDULED.code())
                .bind("running", SessionStatus.IN_PROGRESS.code()).bind("start", Times.toDb(start))
                .bind("end", Times.toDb(end)).bind("except", exceptId == null ? "" : exceptId)
                .map((rs, ctx) -> new Booking(rs.getString(1), time(rs, 2), time(rs, 3),
                        rs.getString(4) + ", " + rs.getString(5))).findOne();
    }

    private static SessionRecord row(ResultSet rs) throws SQLException {
        return new SessionRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5) + ", " + rs.getString(6), ProcedureType.fromCode(rs.getString(7)).orElseThrow(),
                time(rs, 8), Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(19)),
                Optional.ofNullable(rs.getString(10)), SessionStatus.fromCode(rs.getString(11)).orElseThrow(),
                Optional.ofNullable(rs.getString(12)), Optional.ofNullable(rs.getString(20)), time(rs, 13),
                rs.getString(14), Optional.ofNullable(time(rs, 15)),
                Optional.ofNullable(rs.getString(16)), Optional.ofNullable(time(rs, 17)),
                Optional.ofNullable(rs.getString(18)), Optional.ofNullable(rs.getString(21))
                        .map(j -> Json.read(j, BookingAcknowledgement.class)));
    }

    private static Instant time(ResultSet rs, int col) throws SQLException {
        return Times.fromDb(rs.getObject(col, LocalDateTime.class));
    }

    public void insertRunValues(Handle h, String sessionId, List<Entries.RunValue> values) {
        var batch = h.prepareBatch("INSERT INTO run_value (id, session_id, at, source, inlet_flow_ml_per_min, "
                + "ac_flow_ml_per_min, removal_flow_ml_per_min, replacement_flow_ml_per_min, processed_volume_ml, "
                + "ac_volume_ml, removed_volume_ml, replacement_volume_ml, fluid_balance_ml, recorded_at, recorded_by) "
                + "VALUES (:id, :s, :at, :source, :inlet, :ac, :removal, :replacement, :processed, :acVolume, "
                + ":removed, :replacementVolume, :balance, :recordedAt, :by)");
        for (Entries.RunValue v : values) {
            batch.bind("id", v.id()).bind("s", sessionId).bind("at", Times.toDb(v.time()))
                    .bind("source", v.source().code())
                    .bind("inlet", v.inletFlowMlPerMin()).bind("ac", v.acFlowMlPerMin())
                    .bind("removal", v.removalFlowMlPerMin()).bind("replacement", v.replacementFlowMlPerMin())
                    .bind("processed", v.processedVolumeMl()).bind("acVolume", v.acVolumeMl())
                    .bind("removed", v.removedVolumeMl()).bind("replacementVolume", v.replacementVolumeMl())
                    .bind("balance", v.fluidBalanceMl()).bind("recordedAt", Times.toDb(v.recordedAt()))
                    .bind("by", v.recordedBy()).add();
        }
        batch.execute();
    }

    public List<Entries.RunValue> runValues(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, source, inlet_flow_ml_per_min, ac_flow_ml_per_min, removal_flow_ml_per_min, "
                + "replacement_flow_ml_per_min, processed_volume_ml, ac_volume_ml, removed_volume_ml, "
                + "replacement_volume_ml, fluid_balance_ml, recorded_at, recorded_by FROM run_value "
                + "WHERE session_id = :s ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> new Entries.RunValue(rs.getString(1), time(rs, 2),
                        Vocabulary.fromCode(RunValueSource.class, rs.getString(3)).orElseThrow(), d(rs, 4),
                        d(rs, 5), d(rs, 6), d(rs, 7), d(rs, 8), d(rs, 9), d(rs, 10), d(rs, 11), d(rs, 12),
                        time(rs, 13), rs.getString(14))).list();
    }

    private static Double d(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    public void insertVitals(Handle h, String sessionId, Entries.Vitals v) {
        h.createUpdate("INSERT INTO vital_sign (id, session_id, at, systolic_mmhg, diastolic_mmhg, pulse_per_min, "
                + "spo2_percent, temperature_c, recorded_at, recorded_by) VALUES (:id, :s, :at, :sys, :dia, :pulse, "
                + ":spo2, :temp, :recordedAt, :by)")
                .bind("id", v.id()).bind("s", sessionId).bind("at", Times.toDb(v.time()))
                .bind("sys", v.systolicMmHg()).bind("dia", v.diastolicMmHg()).bind("pulse", v.pulsePerMin())
                .bind("spo2", v.spo2Percent()).bind("temp", v.temperatureC())
                .bind("recordedAt", Times.toDb(v.recordedAt())).bind("by", v.recordedBy()).execute();
    }

    public List<Entries.Vitals> vitals(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, systolic_mmhg, diastolic_mmhg, pulse_per_min, spo2_percent, temperature_c, "
                + "recorded_at, recorded_by FROM vital_sign WHERE session_id = :s ORDER BY at, recorded_at, id")
                .bind("s", sessionId).map((rs, ctx) -> new Entries.Vitals(rs.getString(1), time(rs, 2), d(rs, 3),
                        d(rs, 4), d(rs, 5), d(rs, 6), d(rs, 7), time(rs, 8), rs.getString(9))).list();
    }

    public void insertFluid(Handle h, String sessionId, Entries.FluidGiven f) {
        h.createUpdate("INSERT INTO fluid_given (id, session_id, at, fluid, volume_ml, units, recorded_at, recorded_by) "
                + "VALUES (:id, :s, :at, :fluid, :volume, :units, :recordedAt, :by)")
                .bind("id", f.id()).bind("s", sessionId).bind("at", Times.toDb(f.time())).bind("fluid", f.fluid().code())
                .bind("volume", f.volumeMl()).bind("units", f.units().isPresent() ? (Integer) f.units().getAsInt() : null)
                .bind("recordedAt", Times.toDb(f.recordedAt())).bind("by", f.recordedBy()).execute();
    }

    public List<Entries.FluidGiven> fluids(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, fluid, volume_ml, recorded_at, recorded_by, units FROM fluid_given "
                + "WHERE session_id = :s ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> {
                    int units = rs.getInt(7);
                    return new Entries.FluidGiven(rs.getString(1), time(rs, 2),
                            Vocabulary.fromCode(Fluid.class, rs.getString(3)).orElseThrow(), rs.getDouble(4),
                            rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(units), time(rs, 5),
                            rs.getString(6));
                }).list();
    }

    public void insertAdverseEvent(Handle h, String sessionId, Entries.AdverseEvent e) {
        h.createUpdate("INSERT INTO adverse_event (id, session_id, at, event_type, grade, action_taken, interrupted, "
                + "notes, recorded_at, recorded_by) VALUES (:id, :s, :at, :type, :grade, :action, :interrupted, "
                + ":notes, :recordedAt, :by)")
                .bind("id", e.id()).bind("s", sessionId).bind("at", Times.toDb(e.time())).bind("type", e.type().code())
                .bind("grade", e.grade().code()).bind("action", e.actionTaken().orElse(null))
                .bind("interrupted", e.interrupted()).bind("notes", e.notes().orElse(null))
                .bind("recordedAt", Times.toDb(e.recordedAt())).bind("by", e.recordedBy()).execute();
    }

    public List<Entries.AdverseEvent> adverseEvents(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, event_type, grade, action_taken, interrupted, notes, recorded_at, "
                + "recorded_by FROM adverse_event WHERE session_id = :s ORDER BY at, recorded_at, id")
                .bind("s", sessionId).map((rs, ctx) -> new Entries.AdverseEvent(rs.getString(1), time(rs, 2),
                        Vocabulary.fromCode(AdverseEventType.class, rs.getString(3)).orElseThrow(),
                        Vocabulary.fromCode(Grade.class, rs.getString(4)).orElseThrow(),
                        Optional.ofNullable(rs.getString(5)), rs.getBoolean(6), Optional.ofNullable(rs.getString(7)),
                        time(rs, 8), rs.getString(9))).list();
    }

    public void insertAccess(Handle h, String sessionId, Entries.VascularAccess a) {
        h.createUpdate("INSERT INTO vascular_access (id, session_id, at, kind, site, placed_by, placed_on, problems, "
                + "recorded_at, recorded_by) VALUES (:id, :s, :at, :kind, :site, :placedBy, :placedOn, :problems, "
                + ":recordedAt, :by)")
                .bind("id", a.id()).bind("s", sessionId).bind("at", Times.toDb(a.time())).bind("kind", a.kind().code())
                .bind("site", a.site()).bind("placedBy", a.placedBy().orElse(null))
                .bind("placedOn", a.placedOn().orElse(null)).bind("problems", a.problems().orElse(null))
                .bind("recordedAt", Times.toDb(a.recordedAt())).bind("by", a.recordedBy()).execute();
    }

    public List<Entries.VascularAccess> access(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, kind, site, placed_by, placed_on, problems, recorded_at, recorded_by "
                + "FROM vascular_access WHERE session_id = :s ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> new Entries.VascularAccess(rs.getString(1), time(rs, 2),
                        Vocabulary.fromCode(Vocabulary.AccessKind.class, rs.getString(3)).orElseThrow(),
                        rs.getString(4), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getObject(6, java.time.LocalDate.class)),
                        Optional.ofNullable(rs.getString(7)), time(rs, 8), rs.getString(9))).list();
    }

    public void insertNote(Handle h, String sessionId, Entries.NursingNote n) {
        h.createUpdate("INSERT INTO nursing_note (id, session_id, at, note, recorded_at, recorded_by) "
                + "VALUES (:id, :s, :at, :note, :recordedAt, :by)")
                .bind("id", n.id()).bind("s", sessionId).bind("at", Times.toDb(n.time())).bind("note", n.text())
                .bind("recordedAt", Times.toDb(n.recordedAt())).bind("by", n.recordedBy()).execute();
    }

    public List<Entries.NursingNote> notes(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, note, recorded_at, recorded_by FROM nursing_note WHERE session_id = :s "
                + "ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> new Entries.NursingNote(rs.getString(1), time(rs, 2), rs.getString(3), time(rs, 4),
                        rs.getString(5))).list();
    }

    public void insertProduct(Handle h, String sessionId, Entries.ProductMeasurement p) {
        h.createUpdate("INSERT INTO product_measurement (id, session_id, at, volume_ml, cd34_per_ul, cd3_per_ul, "
                + "wbc_e9_per_l, neutrophils_e9_per_l, hematocrit_percent, recorded_at, recorded_by) VALUES (:id, :s, "
                + ":at, :volume, :cd34, :cd3, :wbc, :neutrophils, :hct, :recordedAt, :by)")
                .bind("id", p.id()).bind("s", sessionId).bind("at", Times.toDb(p.time())).bind("volume", p.volumeMl())
                .bind("cd34", p.cd34PerUl()).bind("cd3", p.cd3PerUl()).bind("wbc", p.wbcE9PerL())
                .bind("neutrophils", p.neutrophilsE9PerL()).bind("hct", p.hematocritPercent())
                .bind("recordedAt", Times.toDb(p.recordedAt())).bind("by", p.recordedBy()).execute();
    }

    public List<Entries.ProductMeasurement> products(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, volume_ml, cd34_per_ul, cd3_per_ul, wbc_e9_per_l, neutrophils_e9_per_l, "
                + "hematocrit_percent, recorded_at, recorded_by FROM product_measurement WHERE session_id = :s "
                + "ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> new Entries.ProductMeasurement(rs.getString(1), time(rs, 2), rs.getDouble(3),
                        d(rs, 4), d(rs, 5), d(rs, 6), d(rs, 7), d(rs, 8), time(rs, 9), rs.getString(10))).list();
    }
}
