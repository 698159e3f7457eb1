package org.openapheresis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

/**
 * The unit's work on both databases (H2 and a real PostgreSQL): register, prescribe, sign, schedule, start,
 * record, complete, read the record; optimistic locking; the audit chain and its tamper check.
 */
class UnitWorkflowTest {

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
    void a_session_goes_from_order_to_completed_record_with_the_comparison_to_the_plan(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("FLOW"));
        Api.Answer order = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN),
                Unit.plasmaExchangeOrder(patient)), 201);
        Map<String, Object> o = order.map();
        assertThat(o.get("status")).isEqualTo("unsigned");
        @SuppressWarnings("unchecked")
        Map<String, Object> guideline = (Map<String, Object>) o.get("guideline");
        assertThat(guideline).containsEntry("category", "II").containsEntry("grade", "1A");
        assertThat(String.valueOf(guideline.get("source"))).contains("J Clin Apher 2023;38:77-278");
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = (Map<String, Object>) o.get("plan");
        assertThat(plan.get("procedureType")).isEqualTo("plasma-exchange");

        // an unsigned order cannot be scheduled
        Api.Answer early = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order.id(),
                "plannedStart", Unit.at(2, "08:30")));
        assertThat(early.status()).isEqualTo(409);

        Api.Answer signed = Unit.expect(u.api.post("/api/orders/" + order.id() + "/sign", u.token(Role.PHYSICIAN),
                Unit.acknowledgingOrderWarnings(order)), 200);
        assertThat(signed.map()).containsEntry("status", "signed").containsEntry("signedBy", "physician1");
        assertThat(u.api.post("/api/orders/" + order.id() + "/sign", u.token(Role.PHYSICIAN), "").status())
                .isEqualTo(409);
        String session = u.startedSession(order.id());

        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("time", Unit.minutesAgo(1)); // the session started a moment ago; the clock may lag a little
        sample.put("source", "machine");
        sample.put("inletFlowMlPerMin", 60);
        sample.put("processedVolumeMl", 3000);
        sample.put("removedVolumeMl", 1500);
        sample.put("replacementVolumeMl", 1480);
        sample.put("fluidBalanceMl", 40);
        Unit.expect(u.api.post("/api/sessions/" + session + "/run-values", u.token(Role.NURSE),
                Map.of("samples", List.of(sample, Map.of("time", Unit.now(), "source", "nurse",
                        "processedVolumeMl", 3600)))), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/vitals", u.token(Role.NURSE), Map.of("time",
                Unit.now(), "systolicMmHg", 118, "diastolicMmHg", 72, "pulsePerMin", 80)), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/fluids", u.token(Role.NURSE), Map.of("time",
                Unit.now(), "fluid", "calcium-gluconate-10", "volumeMl", 10)), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/labs", u.token(Role.NURSE), Map.of("time",
                Unit.now(), "phase", "post", "values", Map.of("iggGPerL", 3.9, "plateletsE9PerL", 200))),
                201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/adverse-events", u.token(Role.NURSE), Map.of("time",
                Unit.now(), "type", "citrate-reaction", "grade", "mild", "interrupted", false,
                "actionTaken", "inlet flow reduced")), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/complete", u.token(Role.NURSE), ""), 200);

        Map<String, Object> record = Unit.expect(u.api.get("/api/sessions/" + session + "/record",
                u.token(Role.LAB)), 200).map();
        assertThat(record).containsKeys("session", "plan", "runValues", "vitals", "fluids", "labs", "adverseEvents",
                "comparison");
        assertThat((List<?>) record.get("runValues")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> comparison = (Map<String, Map<String, Object>>) record.get("comparison");
        assertThat(comparison.get("processedVolumeMl").get("actual")).isEqualTo(3600);
        assertThat(comparison.get("exchangeVolumeMl").get("actual")).isEqualTo(1500);

        List<Map<String, Object>> labs = u.api.get("/api/patients/" + patient + "/labs", u.token(Role.LAB)).list();
        assertThat(labs.get(labs.size() - 1)).containsEntry("phase", "post");
        Map<String, Object> p = u.api.get("/api/patients/" + patient, u.token(Role.NURSE)).map();
        assertThat(((Map<?, ?>) p.get("labs")).get("iggGPerL")).isEqualTo(3.9);

        // a completed session does not start again
        assertThat(u.api.post("/api/sessions/" + session + "/start", u.token(Role.NURSE),
                Map.of("acknowledgedWarnings", List.of("FIBRINOGEN_LOW_POST"))).status()).isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_order_is_signed_only_with_its_warnings_acknowledged_in_the_same_act(Databases.Kind kind) {
        Unit u = unit(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("ACE"));
        body.put("aceInhibitor", true);
        String patient = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), body), 201).id();
        Api.Answer order = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN),
                Unit.plasmaExchangeOrder(patient)), 201);
        assertThat(order.body()).contains("ACE_INHIBITOR_ALBUMIN_EXCHANGE");
        String dr = u.token(Role.PHYSICIAN);
        // signing without reading the warnings: 409 listing each open one, nothing signed
        Api.Answer refused = u.api.post("/api/orders/" + order.id() + "/sign", dr, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("unacknowledged").contains("ACE_INHIBITOR_ALBUMIN_EXCHANGE")
                .contains("FIBRINOGEN_LOW_POST");
        // acknowledging only one of them is still a 409 naming the other
        Api.Answer partly = u.api.post("/api/orders/" + order.id() + "/sign", dr, Map.of("acknowledgedWarnings",
                List.of("FIBRINOGEN_LOW_POST")));
        assertThat(partly.status()).isEqualTo(409);
        assertThat(partly.body()).contains("ACE_INHIBITOR_ALBUMIN_EXCHANGE");
        assertThat(u.api.get("/api/orders/" + order.id(), dr).map()).containsEntry("status", "unsigned")
                .containsEntry("acknowledgements", List.of());
        // a code the order does not have is a problem of its field
        Api.Answer unknown = u.api.post("/api/orders/" + order.id() + "/sign", dr, Map.of("acknowledgedWarnings",
                List.of("PLASMA_ALLERGY")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("acknowledgedWarnings[0]");
        Api.Answer signed = Unit.expect(u.api.post("/api/orders/" + order.id() + "/sign", dr,
                Unit.acknowledgingOrderWarnings(order)), 200);
        assertThat(signed.map()).containsEntry("status", "signed");
        assertThat(signed.body()).contains("\"code\":\"ACE_INHIBITOR_ALBUMIN_EXCHANGE\",\"acknowledgedBy\":"
                + "\"physician1\"");
        // the nurse is then never stopped at the chair for a warning the physician has signed for
        String session = Unit.expect(u.api.post("/api/sessions", u.token(Role.NURSE), Map.of("orderId", order.id(),
                "plannedStart", Unit.local(2, "08:30"))), 201).id();
        Unit.expect(u.api.post("/api/sessions/" + session + "/start", u.token(Role.NURSE),
                Unit.acknowledgingPlanWarnings(u.api, u.token(Role.NURSE), session)), 200);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_leukocytapheresis_in_acute_promyelocytic_leukaemia_warns_of_the_separator_s_contraindication(
            Databases.Kind kind) {
        Unit u = unit(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("APL"));
        body.put("labs", Map.of("hematocritPercent", 26, "plateletsE9PerL", 45, "wbcE9PerL", 186));
        String patient = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), body), 201).id();
        Map<String, Object> order = new java.util.LinkedHashMap<>();
        order.put("patientId", patient);
        order.put("indication", Map.of("code", "C92.40", "text", "Acute promyelocytic leukaemia, hyperleukocytosis"));
        order.put("procedure", Map.of("type", "leukocytapheresis", "device", "continuous-flow",
                "bloodVolumesProcessed", 2.0));
        String dr = u.token(Role.PHYSICIAN);
        Api.Answer created = Unit.expect(u.api.post("/api/orders", dr, order), 201);
        assertThat(created.body()).contains("LEUKAPHERESIS_IN_APL").contains("the order's indication is C92.40")
                .contains("disseminated intravascular coagulation");
        // the sign needs it acknowledged, as every candidacy warning
        assertThat(u.api.post("/api/orders/" + created.id() + "/sign", dr, "").body())
                .contains("LEUKAPHERESIS_IN_APL");
        // another AML's code: no warning, until the record names the disease
        order.put("indication", Map.of("code", "C92.00", "text", "AML with hyperleukocytosis"));
        assertThat(Unit.expect(u.api.post("/api/orders/preview", dr, order), 200).body())
                .doesNotContain("LEUKAPHERESIS_IN_APL");
        Map<String, Object> record = new java.util.LinkedHashMap<>(u.api.get("/api/patients/" + patient,
                u.token(Role.NURSE)).map());
        record.put("conditions", List.of("AML FAB M3 (PML-RARA)"));
        Unit.expect(u.api.put("/api/patients/" + patient, u.token(Role.NURSE), record), 200);
        assertThat(Unit.expect(u.api.post("/api/orders/preview", dr, order), 200).body())
                .contains("LEUKAPHERESIS_IN_APL").contains("condition recorded: AML FAB M3 (PML-RARA)");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_session_does_not_start_until_the_nurse_acknowledges_every_plan_warning_and_the_codes_are_recorded(
            Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("PLANACK"));
        String order = u.signedOrder(patient);
        String session = Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Unit.at(2, "08:30"))), 201).id();
        String nurse = u.token(Role.NURSE);
        // the test patient's plan predicts fibrinogen below 1.0 g/L and, with the calcium mass balance, an ionised
        // calcium nadir of 0.87 mmol/L (below 0.9): two warnings the nurse must acknowledge
        List<String> planWarnings = List.of("FIBRINOGEN_LOW_POST", "IONIZED_CALCIUM_NADIR_LOW");
        Api.Answer bare = u.api.post("/api/sessions/" + session + "/start", nurse, "");
        assertThat(bare.status()).isEqualTo(409);
        assertThat(bare.body()).contains("unacknowledgedPlanWarnings").contains(planWarnings);
        Api.Answer other = u.api.post("/api/sessions/" + session + "/start", nurse,
                Map.of("acknowledgedWarnings", List.of("CITRATE_RATE_HIGH")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body()).contains(planWarnings);
        Api.Answer one = u.api.post("/api/sessions/" + session + "/start", nurse,
                Map.of("acknowledgedWarnings", List.of("FIBRINOGEN_LOW_POST")));
        assertThat(one.status()).as("one of the two acknowledged").isEqualTo(409);
        assertThat(one.body()).contains("IONIZED_CALCIUM_NADIR_LOW");
        assertThat(u.api.get("/api/sessions/" + session, nurse).map()).containsEntry("status", "scheduled");
        assertThat(u.api.post("/api/sessions/" + session + "/start", u.token(Role.COORDINATOR),
                Map.of("acknowledgedWarnings", planWarnings)).status())
                .as("a coordinator schedules but does not start").isEqualTo(403);

        Unit.expect(u.api.post("/api/sessions/" + session + "/start", nurse,
                Map.of("acknowledgedWarnings", planWarnings)), 200);
        Map<String, Object> record = u.api.get("/api/sessions/" + session + "/record", nurse).map();
        @SuppressWarnings("unchecked")
        Map<String, Object> ack = (Map<String, Object>) record.get("startAcknowledgement");
        assertThat(ack).containsEntry("codes", planWarnings).containsEntry("by", "nurse1").containsKey("at");
        String audit = u.api.get("/api/audit?patientId=" + patient, u.token(Role.ADMIN)).body();
        assertThat(audit).contains("acknowledge plan warnings at start").contains("/api/sessions/" + session
                + "/start#acknowledged=FIBRINOGEN_LOW_POST,IONIZED_CALCIUM_NADIR_LOW");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_concurrent_edits_of_one_version_give_one_success_and_one_409_and_nothing_is_lost(Databases.Kind kind)
            throws Exception {
        Unit u = unit(kind);
        String id = u.createPatient(Unit.mrn("LOCK"));
        Map<String, Object> current = u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Answer>> results = new ArrayList<>();
        for (String weight : List.of("65", "66")) {
            Map<String, Object> edit = new LinkedHashMap<>(current);
            edit.put("weightKg", Double.parseDouble(weight));
            edit.remove("labs");
            Callable<Api.Answer> call = () -> {
                go.await();
                return u.api.put("/api/patients/" + id, u.token(Role.NURSE), edit);
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        Api.Answer winner = null;
        Api.Answer loser = null;
        for (Future<Api.Answer> f : results) {
            Api.Answer a = f.get();
            statuses.add(a.status());
            if (a.status() == 200) {
                winner = a;
            } else {
                loser = a;
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(loser.map()).containsEntry("currentVersion", 2);
        Map<String, Object> after = u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map();
        assertThat(after.get("version")).isEqualTo(2);
        assertThat(after.get("weightKg")).isEqualTo(winner.map().get("weightKg"));

        // the loser reloads and applies its change again: nothing lost
        Map<String, Object> retry = new LinkedHashMap<>(after);
        retry.put("weightKg", 67);
        retry.remove("labs");
        assertThat(u.api.put("/api/patients/" + id, u.token(Role.NURSE), retry).status()).isEqualTo(200);
        assertThat(u.api.get("/api/patients/" + id, u.token(Role.NURSE)).map()).containsEntry("version", 3)
                .containsEntry("weightKg", 67);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_scheduled_session_is_rescheduled_with_its_version_and_a_stale_one_gets_409(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient(Unit.mrn("RESCHED")));
        String session = Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Unit.at(2, "08:30"), "machine", u.freshMachine())), 201).id();
        String other = u.freshMachine();
        Map<String, Object> moved = Unit.expect(u.api.put("/api/sessions/" + session, u.token(Role.COORDINATOR),
                Map.of("plannedStart", Unit.at(3, "10:00"), "machine", other, "version", 1)), 200).map();
        assertThat(moved).containsEntry("plannedStart", Unit.at(3, "10:00")).containsEntry("machine", other)
                .containsEntry("version", 2);
        Api.Answer stale = u.api.put("/api/sessions/" + session, u.token(Role.COORDINATOR),
                Map.of("plannedStart", Unit.at(4, "10:00"), "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map()).containsEntry("currentVersion", 2);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_session_keeps_its_chair_through_scheduling_rescheduling_and_reading(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient(Unit.mrn("CHAIR")));
        String machine = u.freshMachine();
        String chair = u.freshChair();
        String bed = u.freshChair();
        Map<String, Object> created = Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR),
                Map.of("orderId", order, "plannedStart", Unit.at(2, "08:30"), "machine", machine, "chair",
                        chair)), 201).map();
        assertThat(created).containsEntry("chair", chair);
        String session = (String) created.get("id");
        Unit.expect(u.api.put("/api/sessions/" + session, u.token(Role.COORDINATOR), Map.of("plannedStart",
                Unit.at(2, "08:30"), "machine", machine, "chair", bed, "version", 1)), 200);
        assertThat(u.api.get("/api/sessions/" + session, u.token(Role.NURSE)).map()).containsEntry("chair", bed);
        String day = Unit.at(2, "08:30").substring(0, 10);
        assertThat(u.api.get("/api/sessions?date=" + day, u.token(Role.NURSE)).body())
                .contains("\"chair\":\"" + bed + "\"");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_chair_name_longer_than_100_characters_is_named_in_a_422(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient(Unit.mrn("CHAIR-LONG")));
        Api.Answer a = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Unit.at(2, "08:30"), "chair", "x".repeat(101)));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("\"field\":\"chair\"");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_machine_is_never_booked_twice_at_once(Databases.Kind kind) {
        Unit u = unit(kind);
        String machine = u.freshMachine();
        String first = u.signedOrder(u.createPatient(Unit.mrn("BOOK1")));
        String second = u.signedOrder(u.createPatient(Unit.mrn("BOOK2")));
        Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", first,
                "plannedStart", Unit.at(15, "08:00"), "machine", machine)), 201);
        // the plasma exchange runs about 2 h, plus 30 min set-up and rinseback
        Api.Answer clash = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", second,
                "plannedStart", Unit.at(15, "09:30"), "machine", machine));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(String.valueOf(clash.map().get("title"))).contains("machine " + machine + " is booked from",
                "choose another time or machine");
        Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", second,
                "plannedStart", Unit.at(15, "09:30"), "machine", u.freshMachine())), 201);
        String later = Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", second,
                "plannedStart", Unit.at(15, "13:00"), "machine", machine)), 201).id();
        Api.Answer moveIntoClash = u.api.put("/api/sessions/" + later, u.token(Role.COORDINATOR),
                Map.of("plannedStart", Unit.at(15, "08:15"), "machine", machine, "version", 1));
        assertThat(moveIntoClash.status()).isEqualTo(409);
        Unit.expect(u.api.put("/api/sessions/" + later, u.token(Role.COORDINATOR),
                Map.of("plannedStart", Unit.at(15, "14:00"), "machine", machine, "version", 1)), 200);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_stale_if_match_header_gets_409_with_the_current_version(Databases.Kind kind) {
        Unit u = unit(kind);
        String id = u.createPatient(Unit.mrn("IFMATCH"));
        Map<String, Object> body = Unit.msRelapsePatient("MRN-IFMATCH-X" + System.nanoTime());
        Api.Answer first = u.api.send("PUT", "/api/patients/" + id, u.token(Role.NURSE),
                org.openapheresis.server.json.Json.write(body), Map.of("If-Match", "1"));
        assertThat(first.status()).isEqualTo(200);
        Api.Answer stale = u.api.send("PUT", "/api/patients/" + id, u.token(Role.NURSE),
                org.openapheresis.server.json.Json.write(body), Map.of("If-Match", "1"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map()).containsEntry("currentVersion", 2);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_audit_log_records_reads_and_writes_of_patient_data_and_detects_tampering(Databases.Kind kind) {
        Unit u = unit(kind);
        String id = u.createPatient(Unit.mrn("AUDIT"));
        u.api.get("/api/patients/" + id, u.token(Role.LAB));
        u.api.get("/api/patients/" + id, u.token(Role.ADMIN)); // denied: also audited
        List<Map<String, Object>> entries = u.api.get("/api/audit?patientId=" + id, u.token(Role.ADMIN)).list();
        assertThat(entries).extracting(e -> e.get("username") + " " + e.get("action") + " " + e.get("outcome"))
                .containsExactly("nurse1 POST /api/patients success", "lab1 GET /api/patients/{id} 200",
                        "admin GET /api/patients/{id} 403");
        Map<String, Object> ok = u.api.get("/api/audit/verify", u.token(Role.ADMIN)).map();
        assertThat(ok.get("valid")).isEqualTo(true);
        assertThat(((Number) ok.get("entries")).longValue()).isGreaterThanOrEqualTo(3);

        long seq = ((Number) entries.get(1).get("seq")).longValue();
        u.server.services().db().jdbi().useHandle(h -> h.createUpdate(
                "UPDATE audit_entry SET outcome = '404' WHERE seq = :seq").bind("seq", seq).execute());
        Map<String, Object> bad = u.api.get("/api/audit/verify", u.token(Role.ADMIN)).map();
        assertThat(bad.get("valid")).isEqualTo(false);
        assertThat(((Number) bad.get("firstBadEntry")).longValue()).isEqualTo(seq);
        // put it back so the other tests of this unit see a valid chain
        u.server.services().db().jdbi().useHandle(h -> h.createUpdate(
                "UPDATE audit_entry SET outcome = '200' WHERE seq = :seq").bind("seq", seq).execute());
        assertThat(u.api.get("/api/audit/verify", u.token(Role.ADMIN)).map().get("valid")).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_order_reads_back_from_the_database_exactly_as_it_was_answered_when_created(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("ROUNDTRIP"));
        Api.Answer created = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN),
                Unit.plasmaExchangeOrder(patient)), 201);
        Api.Answer read = Unit.expect(u.api.get("/api/orders/" + created.id(), u.token(Role.PHYSICIAN)), 200);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.map()).containsKeys("planRequest", "procedure", "plan", "warnings", "guideline")
                .containsEntry("status", "unsigned");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_order_that_the_record_cannot_plan_gets_422_naming_the_fields(Databases.Kind kind) {
        Unit u = unit(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("NOHCT"));
        body.put("labs", Map.of("plateletsE9PerL", 200));
        String patient = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), body), 201).id();
        Map<String, Object> order = Unit.plasmaExchangeOrder(patient);
        order.put("procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 9));
        Api.Answer a = u.api.post("/api/orders", u.token(Role.PHYSICIAN), order);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("patient.hematocritPercent").contains("procedure.plasmaVolumes");
    }

    @org.junit.jupiter.api.Test
    void two_server_processes_sharing_one_postgresql_share_logins_records_and_one_audit_chain() {
        ServerConfig config = Databases.config(Databases.Kind.POSTGRESQL);
        try (Unit a = Unit.start(config, org.openapheresis.server.access.AccessPolicy.contract(), List.of());
                OpenApheresisServer b = OpenApheresisServer.start(config.withAdminPassword("unused-other-password"),
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                                java.nio.charset.StandardCharsets.UTF_8))) {
            Api apiB = new Api(b.port());
            String nurse = a.token(Role.NURSE);
            String onA = a.createPatient(Unit.mrn("SHARED-A"));
            String onB = Unit.expect(apiB.post("/api/patients", nurse, Unit.msRelapsePatient(Unit.mrn("SHARED-B"))), 201)
                    .id();
            assertThat(apiB.get("/api/patients/" + onA, nurse).status()).isEqualTo(200);
            assertThat(a.api.get("/api/patients/" + onB, nurse).status()).isEqualTo(200);
            // concurrent edits through the two processes: one wins, one gets 409
            Map<String, Object> edit = new LinkedHashMap<>(a.api.get("/api/patients/" + onA, nurse).map());
            edit.remove("labs");
            assertThat(a.api.put("/api/patients/" + onA, nurse, edit).status()).isEqualTo(200);
            assertThat(apiB.put("/api/patients/" + onA, nurse, edit).status()).isEqualTo(409);
            // logging out on one process ends the session on the other
            assertThat(apiB.post("/api/logout", a.token(Role.LAB), "").status()).isEqualTo(200);
            assertThat(a.api.get("/api/me", a.token(Role.LAB)).status()).isEqualTo(401);
            Map<String, Object> verify = apiB.get("/api/audit/verify", a.token(Role.ADMIN)).map();
            assertThat(verify.get("valid")).isEqualTo(true);
            assertThat(((Number) verify.get("entries")).longValue()).isGreaterThanOrEqualTo(6);
        }
    }

    @org.junit.jupiter.api.Test
    void the_test_postgresql_commits_synchronously_as_production_must() {
        Unit u = unit(Databases.Kind.POSTGRESQL);
        String sync = u.server.services().db().jdbi().withHandle(h -> h.createQuery("SHOW synchronous_commit")
                .mapTo(String.class).one());
        String fsync = u.server.services().db().jdbi().withHandle(h -> h.createQuery("SHOW fsync")
                .mapTo(String.class).one());
        assertThat(sync).isEqualTo("on");
        assertThat(fsync).isEqualTo("on");
    }
}
