package org.openapheresis.server.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/** Sessions and their entries in the database (caller's handle). */
public final class SessionStore {

    private static final String COLUMNS = "s.id, s.version, s.order_id, s.patient_id, p.family_name, p.given_name, "
            + "o.procedure_json, s.planned_start, s.machine, s.nurse, s.status, s.abort_reason, s.created_at, "
            + "s.created_by, s.started_at, s.started_by, s.ended_at, s.ended_by, s.chair";
    private static final String FROM = " FROM treatment_session s JOIN patient p ON p.id = s.patient_id "
            + "JOIN clinical_order o ON o.id = s.order_id";

    public void insert(Handle h, SessionRecord s, String planJson) {
        h.createUpdate("INSERT INTO treatment_session (id, order_id, patient_id, planned_start, machine, chair, nurse, status, "
                + "abort_reason, plan_json, created_at, created_by, version) VALUES (:id, :order, :patient, :start, "
                + ":machine, :chair, :nurse, :status, NULL, :plan, :at, :by, 1)")
                .bind("id", s.id()).bind("order", s.orderId()).bind("patient", s.patientId())
                .bind("start", Times.toDb(s.plannedStart())).bind("machine", s.machine()).bind("chair", s.chair())
                .bind("nurse", s.nurse())
                .bind("status", s.status()).bind("plan", planJson).bind("at", Times.toDb(s.createdAt()))
                .bind("by", s.createdBy()).execute();
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

    /** Patient id and status only (the hot path of run-value recording); empty when there is no such session. */
    public Optional<String[]> patientAndStatus(Handle h, String id) {
        return h.createQuery("SELECT patient_id, status FROM treatment_session WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
    }

    public String planJson(Handle h, String id) {
        return h.createQuery("SELECT plan_json FROM treatment_session WHERE id = :id").bind("id", id)
                .mapTo(String.class).one();
    }

    /** Records the plan warnings acknowledged when the session was started (JSON list of codes). */
    public void recordStartAcknowledgement(Handle h, String id, List<String> codes) {
        h.createUpdate("UPDATE treatment_session SET start_acknowledged_json = :codes WHERE id = :id")
                .bind("codes", Json.write(codes)).bind("id", id).execute();
    }

    /** The codes acknowledged at start, or empty when the session has not started (or predates the record). */
    public Optional<List<String>> startAcknowledgement(Handle h, String id) {
        return h.createQuery("SELECT start_acknowledged_json FROM treatment_session WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getString(1)).findOne().filter(j -> j != null)
                .map(j -> ((List<?>) Json.parse(j)).stream().map(Object::toString).toList());
    }

    /** Reschedules a scheduled session when the version matches. */
    public boolean reschedule(Handle h, String id, int expectedVersion, Instant plannedStart, String machine,
            String chair, String nurse) {
        return h.createUpdate("UPDATE treatment_session SET planned_start = :start, machine = :machine, chair = :chair, "
                + "nurse = :nurse, "
                + "version = version + 1 WHERE id = :id AND version = :expected AND status = :scheduled")
                .bind("start", Times.toDb(plannedStart)).bind("machine", machine).bind("chair", chair).bind("nurse", nurse)
                .bind("id", id).bind("expected", expectedVersion).bind("scheduled", SessionRecord.SCHEDULED)
                .execute() == 1;
    }

    /** Moves from one of {@code from} statuses to {@code to} when the version matches. */
    public boolean transition(Handle h, String id, int expectedVersion, List<String> from, String to, String by,
            Instant at, String abortReason, String newPlanJson) {
        String stamp = SessionRecord.IN_PROGRESS.equals(to) ? "started_at = :at, started_by = :by"
                : "ended_at = :at, ended_by = :by";
        Update u = h.createUpdate("UPDATE treatment_session SET status = :to, " + stamp
                + ", version = version + 1" + (abortReason != null ? ", abort_reason = :reason" : "")
                + (newPlanJson != null ? ", plan_json = :plan" : "")
                + " WHERE id = :id AND version = :expected AND status IN (<from>)")
                .bind("to", to).bind("at", Times.toDb(at)).bind("by", by).bind("id", id)
                .bind("expected", expectedVersion).bindList("from", from);
        if (abortReason != null) {
            u.bind("reason", abortReason);
        }
        if (newPlanJson != null) {
            u.bind("plan", newPlanJson);
        }
        return u.execute() == 1;
    }

    private static SessionRecord row(ResultSet rs) throws SQLException {
        Object proc = Json.parse(rs.getString(7));
        String type = proc instanceof java.util.Map<?, ?> m && m.get("type") != null ? m.get("type").toString() : null;
        return new SessionRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5) + ", " + rs.getString(6), type, time(rs, 8), rs.getString(9), rs.getString(19), rs.getString(10),
                rs.getString(11), rs.getString(12), time(rs, 13), rs.getString(14), time(rs, 15), rs.getString(16),
                time(rs, 17), rs.getString(18));
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
            batch.bind("id", v.id()).bind("s", sessionId).bind("at", Times.toDb(v.time())).bind("source", v.source())
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
                .map((rs, ctx) -> new Entries.RunValue(rs.getString(1), time(rs, 2), rs.getString(3), d(rs, 4),
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

    public void insertFluid(Handle h, String sessionId, Entries.Fluid f) {
        h.createUpdate("INSERT INTO fluid_given (id, session_id, at, fluid, volume_ml, recorded_at, recorded_by) "
                + "VALUES (:id, :s, :at, :fluid, :volume, :recordedAt, :by)")
                .bind("id", f.id()).bind("s", sessionId).bind("at", Times.toDb(f.time())).bind("fluid", f.fluid())
                .bind("volume", f.volumeMl()).bind("recordedAt", Times.toDb(f.recordedAt())).bind("by", f.recordedBy())
                .execute();
    }

    public List<Entries.Fluid> fluids(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, fluid, volume_ml, recorded_at, recorded_by FROM fluid_given "
                + "WHERE session_id = :s ORDER BY at, recorded_at, id").bind("s", sessionId)
                .map((rs, ctx) -> new Entries.Fluid(rs.getString(1), time(rs, 2), rs.getString(3), rs.getDouble(4),
                        time(rs, 5), rs.getString(6))).list();
    }

    public void insertAdverseEvent(Handle h, String sessionId, Entries.AdverseEvent e) {
        h.createUpdate("INSERT INTO adverse_event (id, session_id, at, event_type, grade, action_taken, interrupted, "
                + "notes, recorded_at, recorded_by) VALUES (:id, :s, :at, :type, :grade, :action, :interrupted, "
                + ":notes, :recordedAt, :by)")
                .bind("id", e.id()).bind("s", sessionId).bind("at", Times.toDb(e.time())).bind("type", e.type())
                .bind("grade", e.grade()).bind("action", e.actionTaken()).bind("interrupted", e.interrupted())
                .bind("notes", e.notes()).bind("recordedAt", Times.toDb(e.recordedAt())).bind("by", e.recordedBy())
                .execute();
    }

    public List<Entries.AdverseEvent> adverseEvents(Handle h, String sessionId) {
        return h.createQuery("SELECT id, at, event_type, grade, action_taken, interrupted, notes, recorded_at, "
                + "recorded_by FROM adverse_event WHERE session_id = :s ORDER BY at, recorded_at, id")
                .bind("s", sessionId).map((rs, ctx) -> new Entries.AdverseEvent(rs.getString(1), time(rs, 2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                        time(rs, 8), rs.getString(9))).list();
    }
}
