package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 6: machines and chairs become records of the unit, and sessions reference them. The names sessions held
 * become records (names that differ only in letter case or spacing are one machine: "Optia 1" and "optia  1" had
 * let one machine be booked twice), so no booking is lost; machines made from old bookings are marked so that an
 * administrator completes them.
 */
public class V6__machines_and_chairs extends BaseJavaMigration {

    /** What a machine made from an old booking says about itself until an administrator edits it. */
    static final String UNKNOWN_MODEL = "not recorded (made from earlier bookings)";
    private static final String SEPARATOR_TYPES = "[\"plasma-exchange\",\"leukocytapheresis\",\"hpc-collection\","
            + "\"lymphocyte-collection\",\"granulocyte-collection\"]";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE machine (id VARCHAR(36) PRIMARY KEY, version INTEGER NOT NULL, "
                    + "name VARCHAR(100) NOT NULL, name_key VARCHAR(100) NOT NULL UNIQUE, device VARCHAR(40) NOT NULL, "
                    + "model VARCHAR(100) NOT NULL, serial VARCHAR(100), procedure_types VARCHAR(1000) NOT NULL, "
                    + "active BOOLEAN NOT NULL)");
            st.execute("CREATE TABLE chair (id VARCHAR(36) PRIMARY KEY, version INTEGER NOT NULL, "
                    + "name VARCHAR(100) NOT NULL, name_key VARCHAR(100) NOT NULL UNIQUE, bed BOOLEAN NOT NULL, "
                    + "active BOOLEAN NOT NULL)");
            st.execute("ALTER TABLE treatment_session ADD COLUMN machine_id VARCHAR(36) REFERENCES machine (id)");
            st.execute("ALTER TABLE treatment_session ADD COLUMN chair_id VARCHAR(36) REFERENCES chair (id)");
        }
        Map<String, String> machines = records(c, "machine", "INSERT INTO machine (id, version, name, name_key, device, "
                + "model, serial, procedure_types, active) VALUES (?, 1, ?, ?, 'continuous-flow', '" + UNKNOWN_MODEL
                + "', NULL, '" + SEPARATOR_TYPES + "', TRUE)");
        Map<String, String> chairs = records(c, "chair", "INSERT INTO chair (id, version, name, name_key, bed, active) "
                + "VALUES (?, 1, ?, ?, FALSE, TRUE)");
        link(c, "machine", machines);
        link(c, "chair", chairs);
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX treatment_session_machine");
            st.execute("ALTER TABLE treatment_session DROP COLUMN machine");
            st.execute("ALTER TABLE treatment_session DROP COLUMN chair");
            st.execute("CREATE INDEX treatment_session_machine ON treatment_session (machine_id, planned_start)");
            st.execute("CREATE INDEX treatment_session_chair ON treatment_session (chair_id, planned_start)");
        }
    }

    /** One record per distinct name key of the column; answers name key to id. */
    private static Map<String, String> records(Connection c, String column, String insert) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + " FROM treatment_session WHERE " + column
                        + " IS NOT NULL ORDER BY created_at");
                PreparedStatement ins = c.prepareStatement(insert)) {
            while (rs.next()) {
                String name = rs.getString(1).strip();
                String key = key(name);
                if (!name.isEmpty() && !ids.containsKey(key)) {
                    String id = UUID.randomUUID().toString();
                    ids.put(key, id);
                    ins.setString(1, id);
                    ins.setString(2, name);
                    ins.setString(3, key);
                    ins.executeUpdate();
                }
            }
        }
        return ids;
    }

    private static void link(Connection c, String column, Map<String, String> ids) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, " + column + " FROM treatment_session WHERE " + column
                        + " IS NOT NULL");
                PreparedStatement u = c.prepareStatement("UPDATE treatment_session SET " + column + "_id = ? "
                        + "WHERE id = ?")) {
            while (rs.next()) {
                String id = ids.get(key(rs.getString(2).strip()));
                if (id != null) {
                    u.setString(1, id);
                    u.setString(2, rs.getString(1));
                    u.executeUpdate();
                }
            }
        }
    }

    /** As {@code ResourceStore.key}: trimmed, lower case, inner spaces collapsed. */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
