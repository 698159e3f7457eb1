package org.openapheresis.server.order;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.contract.PlanRequestWriter;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.guideline.GuidelineMatch;
import org.openapheresis.server.json.Json;

/**
 * Orders and their acknowledgements in the database: SQL only, in the caller's handle. The plan request and the
 * plan are stored as JSON and read back as the core's records.
 */
public final class OrderStore {

    private static final String COLUMNS = "id, version, patient_id, indication_code, indication_text, "
            + "plan_request_json, schedule_json, guideline_json, plan_json, warnings_json, status, created_at, "
            + "created_by, signed_at, signed_by, stopped_at, stopped_by, stop_reason, indication_chronic_gvhd_id, "
            + "pre_procedure_labs_json";
    private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
    };

    public void insert(Handle h, OrderRecord o) {
        h.createUpdate("INSERT INTO clinical_order (id, version, patient_id, indication_code, indication_text, "
                + "procedure_type, procedure_json, recipient_json, plan_request_json, schedule_json, guideline_json, "
                + "plan_json, warnings_json, status, created_at, created_by, updated_at, indication_chronic_gvhd_id, "
                + "pre_procedure_labs_json) VALUES "
                + "(:id, :version, :patient, :code, :text, :type, :procedure, :recipient, :request, :schedule, :guideline, "
                + ":plan, :warnings, :status, :createdAt, :createdBy, :createdAt, :chronicGvhd, :labs)")
                .bind("id", o.id()).bind("version", o.version()).bind("patient", o.patientId())
                .bind("code", o.indication().code()).bind("text", o.indication().text())
                .bind("chronicGvhd", o.indication().chronicGvhdAssessmentId().orElse(null))
                .bind("type", o.request().procedure().type().code())
                .bind("procedure", Json.compact(PlanRequestWriter.procedure(o.request().procedure())))
                .bind("recipient", o.recipient() == null ? null : Json.compact(o.recipient()))
                .bind("request", Json.compact(PlanRequestWriter.request(o.request())))
                .bind("schedule", o.scheduleTree().map(Json::compact).orElse(null))
                .bind("guideline", Json.compact(o.guideline())).bind("plan", Json.compact(o.plan()))
                .bind("warnings", Json.compact(o.warnings())).bind("status", o.status().code())
                .bind("createdAt", Times.toDb(o.createdAt())).bind("createdBy", o.createdBy())
                .bind("labs", labs(o)).execute();
    }

    public Optional<OrderRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM clinical_order WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(o -> withAcks(h, o));
    }

    /** The patient of an order, without reading the rest. */
    public Optional<String> patientOf(Handle h, String id) {
        return h.createQuery("SELECT patient_id FROM clinical_order WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    public List<OrderRecord> list(Handle h, Optional<String> patientId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM clinical_order"
                + (patientId.isPresent() ? " WHERE patient_id = :p" : "") + " ORDER BY created_at DESC, id LIMIT :limit";
        var q = h.createQuery(sql).bind("limit", limit);
        patientId.ifPresent(p -> q.bind("p", p));
        return q.map((rs, ctx) -> row(rs)).list().stream().map(o -> withAcks(h, o)).toList();
    }

    /** When each order of a patient last changed (created, changed, signed, acknowledged or stopped), by id. */
    public java.util.Map<String, Instant> updatedAt(Handle h, String patientId) {
        return h.createQuery("SELECT id, updated_at FROM clinical_order WHERE patient_id = :p").bind("p", patientId)
                .reduceRows(new java.util.HashMap<String, Instant>(), (m, row) -> {
                    m.put(row.getColumn("id", String.class), Times.fromDb(row.getColumn("updated_at",
                            java.time.LocalDateTime.class)));
                    return m;
                });
    }

    /** Replaces the guideline block of an unsigned order (the reason for a category IV order given at signing). */
    public void guideline(Handle h, String id, GuidelineMatch guideline) {
        h.createUpdate("UPDATE clinical_order SET guideline_json = :guideline WHERE id = :id AND status = :unsigned")
                .bind("guideline", Json.compact(guideline)).bind("id", id)
                .bind("unsigned", OrderStatus.UNSIGNED.code()).execute();
    }

    /** Signs when the version is still {@code expected} and the order unsigned. */
    public boolean sign(Handle h, String id, int expected, String by, Instant at) {
        return h.createUpdate("UPDATE clinical_order SET status = :signed, signed_by = :by, signed_at = :at, "
                + "updated_at = :at, version = version + 1 WHERE id = :id AND version = :expected AND status = :unsigned")
                .bind("signed", OrderStatus.SIGNED.code()).bind("unsigned", OrderStatus.UNSIGNED.code())
                .bind("by", by).bind("at", Times.toDb(at)).bind("id", id).bind("expected", expected).execute() == 1;
    }

    /**
     * Replaces what an unsigned order prescribes (the physician changed it) when the version is still
     * {@code expected}; its acknowledgements go, since the warnings are those of the new plan.
     */
    public boolean replace(Handle h, OrderRecord o, int expected, Instant at) {
        int n = h.createUpdate("UPDATE clinical_order SET indication_code = :code, indication_text = :text, "
                + "indication_chronic_gvhd_id = :chronicGvhd, procedure_type = :type, procedure_json = :procedure, "
                + "recipient_json = :recipient, "
                + "plan_request_json = :request, schedule_json = :schedule, guideline_json = :guideline, "
                + "plan_json = :plan, warnings_json = :warnings, pre_procedure_labs_json = :labs, updated_at = :at, "
                + "version = version + 1 "
                + "WHERE id = :id AND version = :expected AND status = :unsigned")
                .bind("code", o.indication().code()).bind("text", o.indication().text())
                .bind("chronicGvhd", o.indication().chronicGvhdAssessmentId().orElse(null))
                .bind("type", o.request().procedure().type().code())
                .bind("procedure", Json.compact(PlanRequestWriter.procedure(o.request().procedure())))
                .bind("recipient", o.recipient() == null ? null : Json.compact(o.recipient()))
                .bind("request", Json.compact(PlanRequestWriter.request(o.request())))
                .bind("schedule", o.scheduleTree().map(Json::compact).orElse(null))
                .bind("guideline", Json.compact(o.guideline())).bind("plan", Json.compact(o.plan()))
                .bind("warnings", Json.compact(o.warnings())).bind("id", o.id()).bind("expected", expected)
                .bind("unsigned", OrderStatus.UNSIGNED.code()).bind("at", Times.toDb(at)).bind("labs", labs(o)).execute();
        if (n == 1) {
            h.createUpdate("DELETE FROM order_acknowledgement WHERE order_id = :id").bind("id", o.id()).execute();
        }
        return n == 1;
    }

    /** Stops a signed order when the version is still {@code expected}. */
    public boolean stop(Handle h, String id, int expected, OrderRecord.Stop stop) {
        return h.createUpdate("UPDATE clinical_order SET status = :stopped, stopped_at = :at, stopped_by = :by, "
                + "stop_reason = :reason, updated_at = :at, version = version + 1 WHERE id = :id AND version = :expected "
                + "AND status = :signed")
                .bind("stopped", OrderStatus.STOPPED.code()).bind("signed", OrderStatus.SIGNED.code())
                .bind("at", Times.toDb(stop.at())).bind("by", stop.by()).bind("reason", stop.reason())
                .bind("id", id).bind("expected", expected).execute() == 1;
    }

    /**
     * Takes the order's row lock for the rest of the transaction (sessions are counted against the course under it,
     * so two coordinators cannot both book the last session); answers the status.
     */
    public Optional<OrderStatus> lock(Handle h, String id) {
        return h.createQuery("SELECT status FROM clinical_order WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne().flatMap(OrderStatus::fromCode);
    }

    /** Records who acknowledged the codes (once per code) and moves the version on. */
    public void acknowledge(Handle h, String id, List<String> codes, String by, Instant at) {
        List<String> done = h.createQuery("SELECT code FROM order_acknowledgement WHERE order_id = :id")
                .bind("id", id).mapTo(String.class).list();
        var batch = h.prepareBatch("INSERT INTO order_acknowledgement (order_id, code, acknowledged_by, "
                + "acknowledged_at) VALUES (:id, :code, :by, :at)");
        int n = 0;
        for (String c : codes) {
            if (!done.contains(c)) {
                batch.bind("id", id).bind("code", c).bind("by", by).bind("at", Times.toDb(at)).add();
                n++;
            }
        }
        if (n > 0) {
            batch.execute();
        }
        h.createUpdate("UPDATE clinical_order SET version = version + 1, updated_at = :at WHERE id = :id").bind("id", id)
                .bind("at", Times.toDb(at)).execute();
    }

    private OrderRecord withAcks(Handle h, OrderRecord o) {
        return o.withAcknowledgements(h.createQuery("SELECT code, acknowledged_by, acknowledged_at FROM "
                + "order_acknowledgement WHERE order_id = :id ORDER BY acknowledged_at, code").bind("id", o.id())
                .map((rs, ctx) -> new Acknowledgement(rs.getString(1), rs.getString(2),
                        Times.fromDb(rs.getObject(3, LocalDateTime.class)))).list());
    }

    private static Optional<OrderRecord.Stop> stop(ResultSet rs) throws SQLException {
        LocalDateTime at = rs.getObject("stopped_at", LocalDateTime.class);
        return at == null ? Optional.empty() : Optional.of(new OrderRecord.Stop(Times.fromDb(at),
                rs.getString("stopped_by"), rs.getString("stop_reason")));
    }

    private static OrderRecord row(ResultSet rs) throws SQLException {
        String schedule = rs.getString("schedule_json");
        GuidelineMatch guideline = Json.read(rs.getString("guideline_json"), GuidelineMatch.class);
        Instant signedAt = Times.fromDb(rs.getObject("signed_at", LocalDateTime.class));
        return new OrderRecord(rs.getString("id"), rs.getInt("version"), rs.getString("patient_id"),
                new Indication(rs.getString("indication_code"), rs.getString("indication_text"),
                        Optional.ofNullable(guideline.id()), Optional.ofNullable(guideline.categoryIvReason()),
                        Optional.ofNullable(rs.getString("indication_chronic_gvhd_id"))),
                PlanRequestReader.read(Json.parse(rs.getString("plan_request_json"))),
                schedule == null ? Optional.empty()
                        : Optional.of(CourseRequestReader.readSchedule(Json.parse(schedule), "schedule")),
                guideline,
                Json.read(rs.getString("plan_json"), Plan.class), Json.read(rs.getString("warnings_json"), WARNINGS),
                List.of(), OrderStatus.fromCode(rs.getString("status")).orElseThrow(),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"),
                Optional.ofNullable(signedAt), Optional.ofNullable(rs.getString("signed_by")),
                stop(rs), Optional.ofNullable(rs.getString("pre_procedure_labs_json"))
                        .map(j -> Json.read(j, PreProcedureLabs.class)));
    }

    private static String labs(OrderRecord o) {
        return o.preProcedureLabs().map(Json::compact).orElse(null);
    }
}
