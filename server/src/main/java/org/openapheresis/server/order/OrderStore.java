package org.openapheresis.server.order;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.candidacy.CheckWarning;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.json.Json;

/** Orders and their acknowledgements in the database (caller's handle). */
public final class OrderStore {

    private static final String COLUMNS = "id, version, patient_id, indication_code, indication_text, procedure_json, "
            + "recipient_json, schedule_json, guideline_json, plan_json, warnings_json, status, created_at, "
            + "created_by, signed_at, signed_by";

    public void insert(Handle h, OrderRecord o) {
        h.createUpdate("INSERT INTO clinical_order (" + COLUMNS + ") VALUES (:id, :version, :patient, :code, :text, "
                + ":procedure, :recipient, :schedule, :guideline, :plan, :warnings, :status, :createdAt, :createdBy, "
                + "NULL, NULL)")
                .bind("id", o.id()).bind("version", o.version()).bind("patient", o.patientId())
                .bind("code", o.indication().get("code")).bind("text", o.indication().get("text"))
                .bind("procedure", Json.write(o.procedure()))
                .bind("recipient", o.recipient() == null ? null : Json.write(o.recipient()))
                .bind("schedule", o.schedule() == null ? null : Json.write(o.schedule()))
                .bind("guideline", Json.write(o.guideline())).bind("plan", Json.write(o.plan()))
                .bind("warnings", Json.write(o.warnings())).bind("status", o.status())
                .bind("createdAt", Times.toDb(o.createdAt())).bind("createdBy", o.createdBy()).execute();
    }

    public Optional<OrderRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM clinical_order WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(o -> withAcks(h, o));
    }

    public List<OrderRecord> list(Handle h, Optional<String> patientId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM clinical_order"
                + (patientId.isPresent() ? " WHERE patient_id = :p" : "") + " ORDER BY created_at DESC, id LIMIT :limit";
        var q = h.createQuery(sql).bind("limit", limit);
        patientId.ifPresent(p -> q.bind("p", p));
        return q.map((rs, ctx) -> row(rs)).list().stream().map(o -> withAcks(h, o)).toList();
    }

    /** Signs when the version is still {@code expected} and the order unsigned. */
    public boolean sign(Handle h, String id, int expected, String by, Instant at) {
        return h.createUpdate("UPDATE clinical_order SET status = :signed, signed_by = :by, signed_at = :at, "
                + "version = version + 1 WHERE id = :id AND version = :expected AND status = :unsigned")
                .bind("signed", OrderRecord.SIGNED).bind("unsigned", OrderRecord.UNSIGNED).bind("by", by)
                .bind("at", Times.toDb(at)).bind("id", id).bind("expected", expected).execute() == 1;
    }

    public void acknowledge(Handle h, String id, String code, String by, Instant at) {
        int n = h.createQuery("SELECT COUNT(*) FROM order_acknowledgement WHERE order_id = :id AND code = :code")
                .bind("id", id).bind("code", code).mapTo(Integer.class).one();
        if (n == 0) {
            h.createUpdate("INSERT INTO order_acknowledgement (order_id, code, acknowledged_by, acknowledged_at) "
                    + "VALUES (:id, :code, :by, :at)").bind("id", id).bind("code", code).bind("by", by)
                    .bind("at", Times.toDb(at)).execute();
        }
        h.createUpdate("UPDATE clinical_order SET version = version + 1 WHERE id = :id").bind("id", id).execute();
    }

    private OrderRecord withAcks(Handle h, OrderRecord o) {
        List<OrderRecord.Acknowledgement> acks = h.createQuery("SELECT code, acknowledged_by, acknowledged_at FROM "
                + "order_acknowledgement WHERE order_id = :id ORDER BY acknowledged_at, code").bind("id", o.id())
                .map((rs, ctx) -> new OrderRecord.Acknowledgement(rs.getString(1), rs.getString(2),
                        Times.fromDb(rs.getObject(3, LocalDateTime.class)))).list();
        return new OrderRecord(o.id(), o.version(), o.patientId(), o.indication(), o.procedure(), o.recipient(),
                o.schedule(), o.guideline(), o.plan(), o.warnings(), acks, o.status(), o.createdAt(), o.createdBy(),
                o.signedAt(), o.signedBy());
    }

    private static OrderRecord row(ResultSet rs) throws SQLException {
        String recipient = rs.getString("recipient_json");
        String schedule = rs.getString("schedule_json");
        List<CheckWarning> warnings;
        try {
            warnings = Json.mapper().readValue(rs.getString("warnings_json"), new TypeReference<List<CheckWarning>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored warnings of order " + rs.getString("id") + " are not JSON", e);
        }
        return new OrderRecord(rs.getString("id"), rs.getInt("version"), rs.getString("patient_id"),
                Map.of("code", rs.getString("indication_code"), "text", rs.getString("indication_text")),
                Json.parse(rs.getString("procedure_json")), recipient == null ? null : Json.parse(recipient),
                schedule == null ? null : Json.parse(schedule), Guidelines.parse(rs.getString("guideline_json")),
                Json.parse(rs.getString("plan_json")), warnings, List.of(), rs.getString("status"),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"),
                Times.fromDb(rs.getObject("signed_at", LocalDateTime.class)), rs.getString("signed_by"));
    }
}
