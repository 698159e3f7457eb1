package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/** The probe's findings where the database matters, on H2 and on PostgreSQL. */
class HardeningDatabaseTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    static Unit unit(Databases.Kind kind) {
        return UNITS.of(kind);
    }

    @AfterAll
    static void stop() {
        UNITS.close();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_lab_dated_in_the_future_is_refused_and_one_stored_before_cannot_hide_newer_values(Databases.Kind kind) {
        Unit u = unit(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("FUTURE"));
        body.put("labsTakenAt", "2062-01-01T00:00:00Z");
        Api.Answer refused = u.api.post("/api/patients", u.token(Role.NURSE), body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"labsTakenAt\"").contains("IN_THE_FUTURE");

        String id = u.createPatient(Unit.mrn("LATEST"));
        // a value stored before timestamps were bounded: taken "in 2062", recorded today
        u.server.services().db().jdbi().useHandle(h -> h.execute("INSERT INTO lab_result (id, patient_id, "
                + "session_id, taken_at, phase, analyte, value_num, unit, recorded_at, recorded_by) VALUES (?, ?, NULL, "
                + "?, 'baseline', 'plateletsE9PerL', 400, '10^9/L', ?, 'old')", java.util.UUID.randomUUID().toString(),
                id, java.time.LocalDateTime.of(2062, 1, 1, 0, 0), java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
        Map<String, Object> p = u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map();
        Map<String, Object> edit = new LinkedHashMap<>(p);
        edit.put("labs", Map.of("plateletsE9PerL", 30));
        edit.put("labsTakenAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        assertThat(u.api.put("/api/patients/" + id, u.token(Role.NURSE), edit).status()).isEqualTo(200);
        Map<String, Object> labs = (Map<String, Object>) u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map()
                .get("labs");
        assertThat(labs).containsEntry("plateletsE9PerL", 30);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_nul_character_or_an_unpaired_surrogate_is_a_422_naming_the_field_even_at_login(Databases.Kind kind) {
        Unit u = unit(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("NUL"));
        body.put("familyName", "Be\u0000rg");
        Api.Answer a = u.api.post("/api/patients", u.token(Role.NURSE), body);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("\"field\":\"familyName\"").contains("INVALID_CHARACTER");
        // sent as a JSON escape: a Java client would turn the lone surrogate into "?" before sending
        body.put("familyName", "BERG_SURROGATE");
        String raw = org.openapheresis.server.json.Json.write(body).replace("BERG_SURROGATE", "Berg\\ud800");
        assertThat(u.api.post("/api/patients", u.token(Role.NURSE), raw).body()).contains("unpaired surrogate");
        Api.Answer login = u.api.post("/api/login", null, Map.of("username", "nurse\u00001", "password", "x"));
        assertThat(login.status()).isEqualTo(422);
        assertThat(login.body()).contains("\"field\":\"username\"");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void ids_too_long_for_any_column_and_times_beyond_the_database_are_4xx_naming_the_field(Databases.Kind kind) {
        Unit u = unit(kind);
        String nurse = u.token(Role.NURSE);
        Api.Answer longId = u.api.get("/api/patients/" + "x".repeat(500), nurse);
        assertThat(longId.status()).isEqualTo(404);
        assertThat(longId.body()).contains("\"field\":\"id\"");
        Api.Answer nul = u.api.get("/api/sessions/%00abc/record", nurse);
        assertThat(nul.status()).isEqualTo(400); // Jetty refuses the URI itself, as JSON
        assertThat(nul.map()).containsEntry("status", 400);
        Api.Answer query = u.api.get("/api/orders?patientId=" + "y".repeat(400), nurse);
        assertThat(query.status()).isEqualTo(422);
        assertThat(query.body()).contains("\"field\":\"patientId\"");
        String order = u.signedOrder(u.createPatient(Unit.mrn("FAR")));
        Api.Answer far = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", "+20000-01-01T00:00:00Z", "machine", u.freshMachine()));
        assertThat(far.status()).isEqualTo(422);
        assertThat(far.body()).contains("\"field\":\"plannedStart\"");
        Api.Answer lastYear = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Instant.now().minus(400, ChronoUnit.DAYS).toString(), "machine", u.freshMachine()));
        assertThat(lastYear.status()).isEqualTo(422);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void unknown_or_too_many_acknowledged_warning_codes_are_422(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient(Unit.mrn("ACK")));
        String session = u.scheduledSession(order);
        Api.Answer unknown = u.api.post("/api/sessions/" + session + "/start", u.token(Role.NURSE),
                Map.of("acknowledgedWarnings", List.of("FIBRINOGEN_LOW_POST", "MADE_UP_CODE")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"acknowledgedWarnings[1]\"").contains("MADE_UP_CODE");
        Api.Answer many = u.api.post("/api/sessions/" + session + "/start", u.token(Role.NURSE),
                Map.of("acknowledgedWarnings", Collections.nCopies(51, "FIBRINOGEN_LOW_POST")));
        assertThat(many.status()).isEqualTo(422);
        assertThat(many.body()).contains("TOO_MANY");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_registrations_of_one_mrn_at_the_same_moment_give_one_201_and_one_422_taken(Databases.Kind kind)
            throws Exception {
        Unit u = unit(kind);
        String same = Unit.mrn("RACE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> u.api.post("/api/patients", u.token(Role.NURSE), Unit.msRelapsePatient(same)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Answer> f : pool.invokeAll(tasks)) {
            Api.Answer a = f.get();
            statuses.add(a.status());
            if (a.status() != 201) {
                assertThat(a.body()).contains("\"field\":\"mrn\"").contains("TAKEN");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void simultaneous_creations_of_one_user_name_in_any_letter_case_give_one_account(Databases.Kind kind)
            throws Exception {
        Unit u = unit(kind);
        String name = "race." + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String spelled = i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT);
            tasks.add(() -> u.api.post("/api/users", u.token(Role.ADMIN), java.util.Map.of("username", spelled,
                    "password", Unit.STAFF_PASSWORD, "role", "nurse", "displayName", "Race")));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Answer> f : pool.invokeAll(tasks)) {
            Api.Answer a = f.get();
            statuses.add(a.status());
            if (a.status() != 201) {
                assertThat(a.body()).contains("\"field\":\"username\"").contains("TAKEN");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_underscore_or_a_percent_in_a_search_matches_itself_not_everyone(Databases.Kind kind) {
        Unit u = unit(kind);
        u.createPatient(Unit.mrn("SEARCH"));
        assertThat(u.api.get("/api/patients?q=_", u.token(Role.NURSE)).list()).isEmpty();
        assertThat(u.api.get("/api/patients?q=%25", u.token(Role.NURSE)).list()).isEmpty();
        assertThat(u.api.get("/api/patients?q=berg", u.token(Role.NURSE)).list()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_coordinator_reads_the_clinical_record_and_records_demographics_only(Databases.Kind kind) {
        Unit u = unit(kind);
        String id = u.createPatient(Unit.mrn("COORD"));
        String coord = u.token(Role.COORDINATOR);
        Map<String, Object> p = u.api.get("/api/patients/" + id, coord).map();
        assertThat(p).containsKeys("allergies", "labs");
        assertThat(u.api.get("/api/patients/" + id + "/labs", coord).status()).isEqualTo(200);
        Map<String, Object> withLabs = new LinkedHashMap<>(p);
        withLabs.put("labs", Map.of("plateletsE9PerL", 10));
        Api.Answer refused = u.api.put("/api/patients/" + id, coord, withLabs);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"field\":\"labs\"").contains("\"field\":\"heightCm\"");
        Map<String, Object> demographics = new LinkedHashMap<>(Map.of("version", p.get("version"), "mrn", p.get("mrn"),
                "givenName", "Sofie", "familyName", p.get("familyName"), "birthDate", p.get("birthDate"), "sex",
                p.get("sex")));
        assertThat(u.api.put("/api/patients/" + id, coord, demographics).status()).isEqualTo(200);
        Map<String, Object> after = u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map();
        assertThat(after).containsEntry("givenName", "Sofie").containsEntry("heightCm", p.get("heightCm"))
                .containsEntry("medications", p.get("medications"));
        assertThat((Map<String, Object>) after.get("labs")).isEqualTo(p.get("labs"));
        assertThat(u.api.get("/api/patients/" + id, u.token(Role.BILLING)).map()).doesNotContainKeys("allergies",
                "labs");
    }
}
