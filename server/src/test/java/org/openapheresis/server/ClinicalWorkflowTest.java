package org.openapheresis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/**
 * What a unit would never allow and what every unit expects, on both databases: clinical times inside the
 * session, a course counted against its order, nurses from the staff list, cancelling and stopping, changing an
 * unsigned order, the guideline row an indication names, and a collection's product against its target.
 */
class ClinicalWorkflowTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    static Unit unit(Databases.Kind kind) {
        return UNITS.of(kind);
    }

    @AfterAll
    static void stop() {
        UNITS.close();
    }

    private static Map<String, Object> problem(Api.Answer a, String field) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) a.map().get("problems");
        return problems.stream().filter(p -> field.equals(p.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no problem of " + field + " in " + a.body()));
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_clinical_time_outside_the_session_is_a_422_naming_the_field_and_the_bound(Databases.Kind kind) {
        Unit u = unit(kind);
        String session = u.startedSession(u.signedOrder(u.createPatient(Unit.mrn("TIME"))));
        String nurse = u.token(Role.NURSE);
        // a run value an hour before the start (the machine's clock a day off, or a typo)
        Api.Answer early = u.api.post("/api/sessions/" + session + "/run-values", nurse, Map.of("samples", List.of(
                Map.of("time", Unit.now(), "source", "machine", "processedVolumeMl", 100),
                Map.of("time", Unit.minutesAgo(60), "source", "machine", "processedVolumeMl", 200))));
        assertThat(early.status()).isEqualTo(422);
        assertThat(problem(early, "samples[1].time")).containsEntry("key", "BEFORE_SESSION_WINDOW");
        assertThat(String.valueOf(problem(early, "samples[1].time").get("message")))
                .contains("run value lies between the session's start and its end");
        // nothing of a refused batch is kept
        assertThat((List<?>) u.api.get("/api/sessions/" + session + "/record", nurse).map().get("runValues"))
                .isEmpty();
        // vitals three hours before the start: outside the two hours a baseline is taken in
        Api.Answer vitals = u.api.post("/api/sessions/" + session + "/vitals", nurse, Map.of("time",
                Unit.minutesAgo(180), "pulsePerMin", 70));
        assertThat(vitals.status()).isEqualTo(422);
        assertThat(problem(vitals, "time")).containsEntry("key", "BEFORE_SESSION_WINDOW");
        // a baseline an hour before is fine, and so is a run value now
        Unit.expect(u.api.post("/api/sessions/" + session + "/vitals", nurse, Map.of("time", Unit.minutesAgo(60),
                "pulsePerMin", 70)), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/run-values", nurse, Map.of("time", Unit.now(),
                "source", "nurse", "processedVolumeMl", 300)), 201);
        // the future is refused as before
        Api.Answer future = u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time",
                java.time.Instant.now().plusSeconds(3600).toString(), "fluid", "saline-0.9", "volumeMl", 100));
        assertThat(future.status()).isEqualTo(422);

        // a post-procedure lab of a session that has not started is refused, naming why
        String scheduled = u.scheduledSession(u.signedOrder(u.createPatient(Unit.mrn("NOTSTARTED"))));
        Api.Answer post = u.api.post("/api/sessions/" + scheduled + "/labs", nurse, Map.of("time", Unit.now(),
                "phase", "post", "values", Map.of("iggGPerL", 4.0)));
        assertThat(post.status()).isEqualTo(422);
        assertThat(String.valueOf(problem(post, "time").get("message"))).contains("has not started");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_course_is_counted_against_its_order_and_a_cancelled_session_frees_its_place(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("COURSE"));
        Map<String, Object> body = Unit.plasmaExchangeOrder(patient);
        body.put("schedule", Map.of("sessions", 2, "intervalHours", 48));
        Api.Answer order = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), body), 201);
        Unit.expect(u.api.post("/api/orders/" + order.id() + "/sign", u.token(Role.PHYSICIAN),
                Unit.acknowledgingOrderWarnings(order)), 200);
        String coord = u.token(Role.COORDINATOR);
        String first = Unit.expect(u.api.post("/api/sessions", coord, Map.of("orderId", order.id(), "plannedStart",
                Unit.at(2, "08:30"))), 201).id();
        Unit.expect(u.api.post("/api/sessions", coord, Map.of("orderId", order.id(), "plannedStart",
                Unit.at(4, "08:30"))), 201);
        Api.Answer third = u.api.post("/api/sessions", coord, Map.of("orderId", order.id(), "plannedStart",
                Unit.at(6, "08:30")));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.map()).containsEntry("key", "COURSE_FULL").containsEntry("sessionsOrdered", 2)
                .containsEntry("sessionsCounted", 2);
        // a cancellation needs its reason, and frees the place in the course
        assertThat(u.api.post("/api/sessions/" + first + "/cancel", coord, Map.of()).status()).isEqualTo(422);
        Api.Answer cancelled = Unit.expect(u.api.post("/api/sessions/" + first + "/cancel", coord, Map.of("reason",
                "patient unwell")), 200);
        assertThat(cancelled.map()).containsEntry("status", "cancelled").containsEntry("cancelReason",
                "patient unwell").containsEntry("endedBy", "coordinator1");
        Unit.expect(u.api.post("/api/sessions", coord, Map.of("orderId", order.id(), "plannedStart",
                Unit.at(6, "08:30"))), 201);
        // a cancelled session does not start
        assertThat(u.api.post("/api/sessions/" + first + "/start", u.token(Role.NURSE), "").status())
                .isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_sessions_nurse_is_an_active_nurse_of_the_unit(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient(Unit.mrn("NURSE")));
        String coord = u.token(Role.COORDINATOR);
        Api.Answer typo = u.api.post("/api/sessions", coord, Map.of("orderId", order, "plannedStart",
                Unit.at(2, "08:30"), "nurse", "nurse.moreu"));
        assertThat(typo.status()).isEqualTo(422);
        assertThat(problem(typo, "nurse")).containsEntry("key", "NOT_STAFF");
        Api.Answer notANurse = u.api.post("/api/sessions", coord, Map.of("orderId", order, "plannedStart",
                Unit.at(2, "08:30"), "nurse", "physician1"));
        assertThat(notANurse.status()).isEqualTo(422);
        Unit.expect(u.api.post("/api/sessions", coord, Map.of("orderId", order, "plannedStart", Unit.at(2, "08:30"),
                "nurse", "nurse1")), 201);
        List<Map<String, Object>> nurses = Unit.expect(u.api.get("/api/staff?role=nurse", coord), 200).list();
        assertThat(nurses).extracting(m -> m.get("username")).contains("nurse1").doesNotContain("physician1");
        assertThat(u.api.get("/api/staff?role=surgeon", coord).status()).isEqualTo(422);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_unsigned_order_is_changed_and_a_signed_one_stopped_with_its_scheduled_sessions(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("CHANGE"));
        String dr = u.token(Role.PHYSICIAN);
        Api.Answer order = Unit.expect(u.api.post("/api/orders", dr, Unit.plasmaExchangeOrder(patient)), 201);
        Map<String, Object> changed = Unit.plasmaExchangeOrder(patient);
        changed.put("procedure", Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0,
                "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)));
        changed.put("version", 1);
        Api.Answer after = Unit.expect(u.api.put("/api/orders/" + order.id(), dr, changed), 200);
        assertThat(after.body()).contains("\"plasmaVolumes\":1,").doesNotContain("\"plasmaVolumes\":1.25");
        assertThat(after.map()).containsEntry("version", 2);
        // a stale version, and a change after signing, are 409
        assertThat(u.api.put("/api/orders/" + order.id(), dr, changed).status()).isEqualTo(409);
        Unit.expect(u.api.post("/api/orders/" + order.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(after)),
                200);
        changed.put("version", 3);
        assertThat(u.api.put("/api/orders/" + order.id(), dr, changed).status()).isEqualTo(409);

        String scheduled = u.scheduledSession(order.id());
        assertThat(u.api.post("/api/orders/" + order.id() + "/stop", dr, Map.of()).status()).isEqualTo(422);
        Api.Answer stopped = Unit.expect(u.api.post("/api/orders/" + order.id() + "/stop", dr, Map.of("reason",
                "relapse resolved")), 200);
        assertThat(stopped.map()).containsEntry("status", "stopped");
        assertThat(stopped.body()).contains("\"reason\":\"relapse resolved\"").contains("\"by\":\"physician1\"");
        Map<String, Object> s = u.api.get("/api/sessions/" + scheduled, dr).map();
        assertThat(s).containsEntry("status", "cancelled").containsEntry("cancelReason",
                "order stopped: relapse resolved");
        Api.Answer again = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order.id(),
                "plannedStart", Unit.at(3, "08:30")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.map()).containsEntry("key", "ORDER_STOPPED");
        // a nurse may not stop an order
        assertThat(u.api.post("/api/orders/" + order.id() + "/stop", u.token(Role.NURSE), Map.of("reason", "x"))
                .status()).isEqualTo(403);
    }

    /** A G-CSF mobilised donor of 70 kg with the counts an HPC or a DLI collection is planned from. */
    private static Map<String, Object> donor(String mrn) {
        Map<String, Object> p = Unit.msRelapsePatient(mrn);
        p.put("kind", "donor");
        p.put("sex", "male");
        p.put("heightCm", 178);
        p.put("weightKg", 70);
        p.put("labs", Map.of("hematocritPercent", 42, "plateletsE9PerL", 210, "wbcE9PerL", 35, "cd34PerUl", 60,
                "cd3PerUl", 1500));
        return p;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_indication_is_matched_by_its_guideline_row_not_its_code(Databases.Kind kind) {
        Unit u = unit(kind);
        String d = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), donor(Unit.mrn("DLI"))), 201).id();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", d);
        o.put("indication", Map.of("code", "Z52.001", "text", "DLI donor", "guidelineRow", "dli"));
        o.put("procedure", Map.of("type", "lymphocyte-collection", "device", "continuous-flow",
                "bloodVolumesProcessed", 1.0));
        o.put("recipient", Map.of("weightKg", 60));
        Api.Answer dli = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), o), 201);
        assertThat(dli.body()).contains("\"id\":\"dli\"").contains("\"type\":\"lymphocyte-collection\"");
        // the HPC row with a lymphocyte collection is refused, naming the row's field
        o.put("indication", Map.of("code", "Z52.001", "text", "DLI donor", "guidelineRow", "hpc-collection"));
        Api.Answer wrong = u.api.post("/api/orders", u.token(Role.PHYSICIAN), o);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(problem(wrong, "indication.guidelineRow").get("message").toString())
                .contains("is for procedure hpc-collection");
        o.put("indication", Map.of("code", "Z52.001", "text", "DLI donor", "guidelineRow", "no-such-row"));
        assertThat(problem(u.api.post("/api/orders", u.token(Role.PHYSICIAN), o), "indication.guidelineRow"))
                .containsEntry("key", "NOT_FOUND");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_collections_record_has_its_access_notes_and_product_against_the_target(Databases.Kind kind) {
        Unit u = unit(kind);
        String d = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), donor(Unit.mrn("HPC"))), 201).id();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", d);
        o.put("indication", Map.of("code", "Z52.091", "text", "Allogeneic HPC donation", "guidelineRow",
                "hpc-collection"));
        o.put("procedure", Map.of("type", "hpc-collection", "device", "continuous-flow", "target", Map.of("cd34PerKg", 4e6)));
        o.put("recipient", Map.of("weightKg", 80));
        Api.Answer order = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), o), 201);
        Unit.expect(u.api.post("/api/orders/" + order.id() + "/sign", u.token(Role.PHYSICIAN),
                Unit.acknowledgingOrderWarnings(order)), 200);
        String session = u.startedSession(order.id());
        String nurse = u.token(Role.NURSE);
        String path = "/api/sessions/" + session;

        Map<String, Object> record = u.api.get(path + "/record", nurse).map();
        assertThat(((List<Map<String, Object>>) record.get("missing"))).extracting(m -> m.get("item"))
                .contains("run-values", "vascular-access", "post-labs", "product");

        Unit.expect(u.api.post(path + "/vascular-access", nurse, Map.of("time", Unit.now(), "kind", "peripheral",
                "site", "left antecubital (draw), right forearm (return)", "placedBy", "nurse1")), 201);
        Api.Answer badKind = u.api.post(path + "/vascular-access", nurse, Map.of("time", Unit.now(), "kind",
                "arterial", "site", "x"));
        assertThat(problem(badKind, "kind")).containsEntry("key", "NOT_ONE_OF");
        Unit.expect(u.api.post(path + "/notes", nurse, Map.of("time", Unit.now(), "text",
                "Tingling at 40 min; inlet reduced, oral calcium.")), 201);
        Unit.expect(u.api.post(path + "/run-values", nurse, Map.of("time", Unit.now(), "source", "machine",
                "processedVolumeMl", 9000, "removedVolumeMl", 150)), 201);
        // 1,000 CD34+/µL in 200 mL is 2.0 × 10^8 cells: 2.5 × 10^6 per kg of an 80 kg recipient
        Unit.expect(u.api.post(path + "/product", nurse, Map.of("time", Unit.now(), "volumeMl", 200,
                "cd34PerUl", 1000, "wbcE9PerL", 180, "hematocritPercent", 3)), 201);
        Api.Answer implausible = u.api.post(path + "/product", nurse, Map.of("time", Unit.now(), "volumeMl", 20000));
        assertThat(problem(implausible, "volumeMl")).containsEntry("key", "OUT_OF_RANGE");

        record = u.api.get(path + "/record", nurse).map();
        assertThat((List<?>) record.get("vascularAccess")).hasSize(1);
        assertThat((List<Map<String, Object>>) record.get("notes")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("recordedBy", "nurse1"));
        Map<String, Map<String, Object>> cmp = (Map<String, Map<String, Object>>) record.get("comparison");
        assertThat(cmp).containsKeys("processedVolumeMl", "productVolumeMl", "cd34E6PerKg", "durationMin")
                .doesNotContainKeys("exchangeVolumeMl", "replacementVolumeMl");
        assertThat(cmp.get("cd34E6PerKg")).containsEntry("actual", 2.5).containsEntry("target", 4)
                .containsEntry("unit", "10^6/kg");
        assertThat(cmp.get("cd34E6PerKg").get("actualFrom").toString()).contains("1000 /µL × 200 mL");
        assertThat(cmp.get("productVolumeMl")).containsEntry("actual", 200);
        assertThat(((List<Map<String, Object>>) record.get("missing"))).extracting(m -> m.get("item"))
                .containsExactly("post-labs");

        // a plasma exchange collects no product
        String tpe = u.startedSession(u.signedOrder(u.createPatient(Unit.mrn("NOPRODUCT"))));
        assertThat(u.api.post("/api/sessions/" + tpe + "/product", nurse, Map.of("time", Unit.now(), "volumeMl",
                200)).status()).isEqualTo(409);
    }
}
