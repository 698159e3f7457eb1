package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.openapheresis.safety.CandidacyRules;
import org.openapheresis.safety.IvigBeforePlasmaExchangeRule;
import org.openapheresis.safety.SafetyRules;

/**
 * Version 5: orders and sessions keep what the server reads typed.
 *
 * <ul>
 * <li>{@code clinical_order.plan_request_json}: the whole plan request (contract plan-v1) the order was planned
 * from, so the order reads back as the core's request. Existing orders get the request rebuilt as the order saw
 * it: the patient's record with the labs recorded up to the order's creation (one second of slack), the stored
 * procedure and recipient.</li>
 * <li>{@code clinical_order.procedure_type}: the procedure's contract code, so lists need not read the JSON.</li>
 * <li>{@code treatment_session.planned_end}: when the machine is free again (planned start, the plan's run time,
 * 30 min set-up and rinseback), so the no-double-booking check is one indexed query.</li>
 * <li>Stored warnings use the one vocabulary of the core: severities {@code info | warning | danger} (the
 * candidacy checks' {@code caution} and {@code high} become {@code warning} and {@code danger}) and every warning
 * carries its source (taken from its rule where it was not stored).</li>
 * </ul>
 */
public class V5__typed_orders_and_bookings extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Written where a stored warning's rule is no longer known. */
    static final String UNKNOWN_SOURCE = "not recorded (stored before warnings carried their source)";
    private static final long SET_UP_AND_RINSEBACK_SECONDS = 30 * 60;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE clinical_order ADD COLUMN plan_request_json VARCHAR");
            st.execute("ALTER TABLE clinical_order ADD COLUMN procedure_type VARCHAR(40)");
            st.execute("ALTER TABLE treatment_session ADD COLUMN planned_end TIMESTAMP");
        }
        Map<String, String> sources = sources();
        migrateOrders(c, sources);
        migrateSessions(c, sources);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE clinical_order ALTER COLUMN plan_request_json SET NOT NULL");
            st.execute("ALTER TABLE clinical_order ALTER COLUMN procedure_type SET NOT NULL");
            st.execute("ALTER TABLE treatment_session ALTER COLUMN planned_end SET NOT NULL");
            st.execute("CREATE INDEX treatment_session_machine ON treatment_session (machine, planned_start)");
        }
    }

    private static Map<String, String> sources() {
        Map<String, String> m = new HashMap<>();
        SafetyRules.all().forEach(r -> m.put(r.code().name(), r.source()));
        CandidacyRules.all().forEach(r -> m.put(r.code().name(), r.source()));
        m.put("IVIG_BEFORE_PLASMA_EXCHANGE", IvigBeforePlasmaExchangeRule.SOURCE);
        return m;
    }

    private static void migrateOrders(Connection c, Map<String, String> sources) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT o.id, o.procedure_json, o.recipient_json, o.plan_json, "
                + "o.warnings_json, o.created_at, p.id, p.sex, p.birth_date, p.height_cm, p.weight_kg "
                + "FROM clinical_order o JOIN patient p ON p.id = o.patient_id");
                PreparedStatement u = c.prepareStatement("UPDATE clinical_order SET plan_request_json = ?, "
                        + "procedure_type = ?, plan_json = ?, warnings_json = ? WHERE id = ?");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                JsonNode procedure = JSON.readTree(rs.getString(2));
                String recipient = rs.getString(3);
                LocalDateTime createdAt = rs.getTimestamp(6).toLocalDateTime();
                ObjectNode patient = JSON.createObjectNode();
                patient.put("sex", rs.getString(8));
                LocalDate birth = rs.getObject(9, LocalDate.class);
                patient.put("ageYears", Period.between(birth, createdAt.toLocalDate()).getYears());
                double height = rs.getDouble(10);
                if (!rs.wasNull()) {
                    patient.put("heightCm", height);
                }
                double weight = rs.getDouble(11);
                if (!rs.wasNull()) {
                    patient.put("weightKg", weight);
                }
                ObjectNode labs = labsAsOf(c, rs.getString(7), createdAt);
                if (labs.has("hematocritPercent")) {
                    patient.set("hematocritPercent", labs.remove("hematocritPercent"));
                }
                if (labs.size() > 0) {
                    patient.set("labs", labs);
                }
                ObjectNode request = JSON.createObjectNode();
                request.set("patient", patient);
                if (recipient != null) {
                    request.set("recipient", JSON.readTree(recipient));
                }
                request.set("procedure", procedure);
                u.setString(1, JSON.writeValueAsString(request));
                u.setString(2, procedure.path("type").asText());
                u.setString(3, withSources(rs.getString(4), sources));
                u.setString(4, JSON.writeValueAsString(warnings((ArrayNode) JSON.readTree(rs.getString(5)), sources)));
                u.setString(5, rs.getString(1));
                u.executeUpdate();
            }
        }
    }

    /** The latest value of each lab recorded up to a moment (one second of slack), as the order saw them. */
    private static ObjectNode labsAsOf(Connection c, String patientId, LocalDateTime at) throws SQLException {
        ObjectNode labs = JSON.createObjectNode();
        try (PreparedStatement q = c.prepareStatement("SELECT analyte, value_num FROM lab_result WHERE patient_id = ? "
                + "AND recorded_at <= ? ORDER BY taken_at, recorded_at, id")) {
            q.setString(1, patientId);
            q.setTimestamp(2, Timestamp.valueOf(at.plusSeconds(1)));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    labs.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return labs;
    }

    private static void migrateSessions(Connection c, Map<String, String> sources) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT id, planned_start, plan_json FROM treatment_session");
                PreparedStatement u = c.prepareStatement("UPDATE treatment_session SET planned_end = ?, plan_json = ? "
                        + "WHERE id = ?");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                LocalDateTime start = rs.getTimestamp(2).toLocalDateTime();
                JsonNode plan = JSON.readTree(rs.getString(3));
                long runSeconds = Math.round(plan.path("durationMin").asDouble(0) * 60);
                u.setTimestamp(1, Timestamp.valueOf(start.plusSeconds(runSeconds + SET_UP_AND_RINSEBACK_SECONDS)));
                u.setString(2, withSources(rs.getString(3), sources));
                u.setString(3, rs.getString(1));
                u.executeUpdate();
            }
        }
    }

    /** A stored plan whose warnings each name their source. */
    private static String withSources(String planJson, Map<String, String> sources) throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(planJson);
        if (plan.get("warnings") instanceof ArrayNode w) {
            plan.set("warnings", warnings(w, sources));
        }
        return JSON.writeValueAsString(plan);
    }

    private static ArrayNode warnings(ArrayNode in, Map<String, String> sources) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode w : in) {
            ObjectNode n = ((ObjectNode) w).deepCopy();
            String severity = n.path("severity").asText();
            n.put("severity", switch (severity) {
                case "high" -> "danger";
                case "caution" -> "warning";
                default -> severity;
            });
            if (!n.hasNonNull("source") || n.get("source").asText().startsWith("plan (core safety rule)")) {
                n.put("source", sources.getOrDefault(n.path("code").asText(), UNKNOWN_SOURCE));
            }
            out.add(n);
        }
        return out;
    }
}
