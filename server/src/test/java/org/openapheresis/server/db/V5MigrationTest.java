package org.openapheresis.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;

/**
 * A database written by the previous version (schema 4: orders without their plan request, warnings in the old
 * words and without sources, sessions without a booking end) is migrated without losing anything: the order
 * reads back with the request it was planned from, rebuilt from the record and the labs as they were then.
 */
class V5MigrationTest {

    private static final String P1 = "00000000-0000-4000-8000-000000000001";
    private static final String O1 = "00000000-0000-4000-8000-000000000002";
    private static final String S1 = "00000000-0000-4000-8000-000000000003";

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_version_4_order_and_session_read_back_typed_after_migration(Databases.Kind kind) throws Exception {
        ServerConfig config = Databases.config(kind);
        Path dir = config.dataDir();
        String url = config.jdbcUrl().orElse("jdbc:h2:file:" + dir.toAbsolutePath().resolve("openapheresis")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MODE=Regular");
        String user = config.jdbcUrl().isPresent() ? "postgres" : "sa";
        Flyway.configure().dataSource(url, user, "").target("4")
                .locations("classpath:db/migration").load().migrate();
        Jdbi jdbi = Jdbi.create(url, user, "");
        LocalDateTime ordered = LocalDateTime.of(2026, 3, 1, 9, 0);
        // the record then: Hct 40, fibrinogen 3.0; later (after the order) fibrinogen 1.5, which must not leak in
        Map<String, Object> requestThen = Map.of("patient", Map.of("sex", "female", "ageYears", 34, "heightCm", 168,
                "weightKg", 64, "hematocritPercent", 40, "labs", Map.of("fibrinogenGPerL", 3.0)),
                "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 1.25));
        Map<String, Object> plan = (Map<String, Object>) Json.parse(Json.compact(Planner.plan(
                PlanRequestReader.read(requestThen), PlanOptions.withoutTimeline())));
        List<Map<String, Object>> oldWarnings = new ArrayList<>();
        for (Map<String, Object> w : (List<Map<String, Object>>) plan.get("warnings")) {
            w.remove("source"); // version 4 stored plan warnings without their source
            oldWarnings.add(Map.of("code", w.get("code"), "severity", w.get("severity"), "message", w.get("message"),
                    "source", "plan (core safety rule)"));
        }
        oldWarnings.add(0, Map.of("code", "ACE_INHIBITOR_ALBUMIN_EXCHANGE", "severity", "high", "message", "ACE",
                "source", "Owen HG, Brecher ME. Transfusion 1994;34:891"));
        double durationMin = ((Number) plan.get("durationMin")).doubleValue();
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO patient (id, mrn, kind, given_name, family_name, birth_date, sex, height_cm, "
                    + "weight_kg, coverage, clinical, created_at, created_by, updated_at, updated_by, version) VALUES "
                    + "('" + P1 + "', 'MRN-V4', 'patient', 'Sofia', 'Berg', ?, 'female', 168, 64, '{}', "
                    + "'{\"allergies\":[],\"medications\":[],\"aceInhibitor\":true,\"plasmaAllergy\":false}', ?, 't', "
                    + "?, 't', 1)", java.time.LocalDate.of(1991, 3, 14), ordered.minusDays(1), ordered.minusDays(1));
            lab(h, "l1", "hematocritPercent", 40, "%", ordered.minusHours(2));
            lab(h, "l2", "fibrinogenGPerL", 3.0, "g/L", ordered.minusHours(2));
            lab(h, "l3", "fibrinogenGPerL", 1.5, "g/L", ordered.plusDays(1));
            h.execute("INSERT INTO clinical_order (id, patient_id, indication_code, indication_text, procedure_json, "
                    + "schedule_json, guideline_json, plan_json, warnings_json, status, created_at, created_by, "
                    + "version) VALUES ('" + O1 + "', '" + P1 + "', 'G35.A', 'MS relapse', ?, NULL, ?, ?, ?, 'unsigned', ?, 'dr', 1)",
                    Json.compact(requestThen.get("procedure")), Json.compact(Map.of("matched", false, "source", "s",
                            "note", "n")), Json.compact(plan), Json.compact(oldWarnings), ordered);
            h.execute("INSERT INTO treatment_session (id, order_id, patient_id, planned_start, machine, status, "
                    + "plan_json, created_at, created_by, version) VALUES ('" + S1 + "', '" + O1 + "', '" + P1 + "', ?, 'Optia-1', "
                    + "'scheduled', ?, ?, 'coord', 1)", ordered.plusDays(2), Json.compact(plan), ordered);
        });
        try (OpenApheresisServer server = OpenApheresisServer.start(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Api api = new Api(server.port());
            String admin = api.login("admin", Databases.ADMIN_PASSWORD);
            api.post("/api/users", admin, Map.of("username", "dr1", "password", "doctor-password-1", "role",
                    Role.PHYSICIAN.code(), "displayName", "Dr One"));
            String dr = api.login("dr1", "doctor-password-1");
            Map<String, Object> order = api.get("/api/orders/" + O1, dr).map();
            assertThat(order.get("planRequest")).isEqualTo(Json.parse(Json.compact(
                    org.openapheresis.contract.PlanRequestWriter.request(PlanRequestReader.read(requestThen)))));
            List<Map<String, Object>> warnings = (List<Map<String, Object>>) order.get("warnings");
            assertThat(warnings.get(0)).containsEntry("severity", "danger");
            assertThat(warnings).allSatisfy(w -> assertThat((String) w.get("source")).isNotBlank()
                    .doesNotStartWith("plan (core safety rule)"));
            Map<String, Object> storedPlan = (Map<String, Object>) order.get("plan");
            assertThat((List<Map<String, Object>>) storedPlan.get("warnings"))
                    .allSatisfy(w -> assertThat(w).containsKey("source"));
            LocalDateTime end = server.services().db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT planned_end FROM treatment_session WHERE id = '" + S1 + "'").mapTo(LocalDateTime.class).one());
            assertThat(end).isEqualTo(ordered.plusDays(2).plusSeconds(Math.round(durationMin * 60) + 30 * 60));
            assertThat(api.get("/api/sessions/" + S1, dr).map()).containsEntry("procedureType", "plasma-exchange")
                    .containsEntry("machine", "Optia-1");
        }
    }

    private static void lab(org.jdbi.v3.core.Handle h, String id, String field, double value, String unit,
            LocalDateTime at) {
        h.execute("INSERT INTO lab_result (id, patient_id, session_id, taken_at, phase, analyte, value_num, unit, "
                + "recorded_at, recorded_by) VALUES (?, '" + P1 + "', NULL, ?, 'baseline', ?, ?, ?, ?, 't')", id, at, field,
                value, unit, at);
    }
}
