package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * What the planner weighs beyond the rota, over HTTP on a real server (H2, and PostgreSQL for what V18 stores), on a
 * clock at Monday 2 March 2026 06:00 UTC: an order's pre-procedure labs and the unit's lab turnaround, a patient's
 * preferred times, and the rota checked when a session is booked by hand. The test patient's labs were taken Sunday
 * 1 March 08:00.
 */
class SchedulePreferencesTest {

    private static final Instant MONDAY_6AM = Instant.parse("2026-03-02T06:00:00Z");
    private static final Map<String, Object> WEEK = Map.of("from", "2026-03-02", "to", "2026-03-07",
            "spentLimitSeconds", 2);

    private Unit unit;
    private String machine;
    private String chair;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    /** A unit with one separator, one chair and nurse1 trained for exchanges, on H2. */
    private void unitOfOne() {
        unitOfOne(Databases.Kind.H2);
    }

    /** A unit with one separator, one chair and nurse1 trained for exchanges. */
    private void unitOfOne(Databases.Kind db) {
        unit = Unit.start(db, new TestClock(MONDAY_6AM).withZone(ZoneOffset.UTC));
        machine = unit.freshMachine();
        chair = unit.freshChair();
        Unit.expect(unit.api.put("/api/schedule/nurse-skills", unit.token(Role.ADMIN), Map.of("username",
                "nurse1", "skills", List.of("plasma-exchange"))), 200);
    }

    private String signed(Map<String, Object> order) {
        String dr = unit.token(Role.PHYSICIAN);
        Api.Answer o = Unit.expect(unit.api.post("/api/orders", dr, order), 201);
        Unit.expect(unit.api.post("/api/orders/" + o.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(o)), 200);
        return o.id();
    }

    private static Map<String, Object> withLabs(String patientId, Object labs) {
        Map<String, Object> o = new LinkedHashMap<>(Unit.plasmaExchangeOrder(patientId));
        o.put("preProcedureLabs", labs);
        return o;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> proposal() {
        Api.Answer p = Unit.expect(unit.api.post("/api/schedule/proposals", unit.token(Role.COORDINATOR), WEEK), 201);
        assertThat(p.map()).as(p.body()).containsEntry("feasible", true);
        return p.map();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> assignments(Map<String, Object> proposal) {
        return (List<Map<String, Object>>) proposal.get("assignments");
    }

    private static LocalDateTime start(Map<String, Object> a) {
        return LocalDateTime.ofInstant(Instant.parse((String) a.get("plannedStart")), ZoneOffset.UTC);
    }

    private static LocalDateTime end(Map<String, Object> a) {
        return start(a).plusMinutes(((Number) a.get("durationMin")).intValue());
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_session_whose_labs_will_be_stale_is_planned_after_labs_drawn_at_opening_are_back(Databases.Kind db) {
        unitOfOne(db);
        String patient = unit.createPatient(Unit.mrn("LABS"));
        String order = signed(withLabs(patient, Map.of("tests", List.of("fibrinogenGPerL", "plateletsE9PerL"),
                "maxAgeHours", 24)));
        assertThat((Map<String, Object>) Unit.expect(unit.api.get("/api/orders/" + order, unit.token(Role.NURSE)),
                200).map().get("preProcedureLabs")).containsEntry("maxAgeHours", 24)
                .containsEntry("tests", List.of("fibrinogenGPerL", "plateletsE9PerL"));

        // the unit's lab takes two hours: labs drawn at 07:30 are back at 09:30 (the rules go back as they were read)
        Map<String, Object> rules = new LinkedHashMap<>(Unit.expect(unit.api.get("/api/schedule/rules",
                unit.token(Role.ADMIN)), 200).map());
        rules.put("labTurnaroundMin", 999);
        Api.Answer tooLong = unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), rules);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("labTurnaroundMin");
        rules.put("labTurnaroundMin", 120);
        assertThat(Unit.expect(unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), rules), 200).map())
                .containsEntry("labTurnaroundMin", 120);

        List<Map<String, Object>> a = assignments(proposal());
        assertThat(a).hasSizeGreaterThanOrEqualTo(3).allSatisfy(x -> {
            // Sunday's labs are current until Monday 08:00; after that, every session waits for labs drawn on arrival
            boolean current = !start(x).isAfter(LocalDateTime.parse("2026-03-02T08:00"));
            if (!current) {
                LocalTime opens = start(x).getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(8, 0)
                        : LocalTime.of(7, 30);
                assertThat(start(x).toLocalTime()).as(start(x).toString()).isAfterOrEqualTo(opens.plusMinutes(120));
                assertThat((List<String>) x.get("notes")).anySatisfy(n -> assertThat(n)
                        .startsWith("Draw Fibrinogen, Platelets on arrival").contains("back by"));
            }
        });
    }

    @Test
    void pre_procedure_labs_are_refused_naming_the_field_when_a_test_is_unknown_or_the_age_out_of_range() {
        unitOfOne();
        String patient = unit.createPatient(Unit.mrn("LABS"));
        String dr = unit.token(Role.PHYSICIAN);
        Api.Answer unknown = unit.api.post("/api/orders", dr, withLabs(patient, Map.of("tests", List.of("unobtainium"),
                "maxAgeHours", 24)));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("preProcedureLabs.tests[0]");
        Api.Answer age = unit.api.post("/api/orders", dr, withLabs(patient, Map.of("tests", List.of("fibrinogenGPerL"),
                "maxAgeHours", 0)));
        assertThat(age.status()).isEqualTo(422);
        assertThat(age.body()).contains("preProcedureLabs.maxAgeHours");
        Api.Answer twice = unit.api.post("/api/orders", dr, withLabs(patient, Map.of("tests", List.of("fibrinogenGPerL",
                "fibrinogenGPerL"), "maxAgeHours", 24)));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("preProcedureLabs.tests");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void the_patients_preferred_times_are_kept_validated_and_weighed_by_the_planner(Databases.Kind db) {
        unitOfOne(db);
        String patient = unit.createPatient(Unit.mrn("PREF"));
        String path = "/api/patients/" + patient + "/preferred-times";
        String coordinator = unit.token(Role.COORDINATOR);
        Api.Answer late = unit.api.put(path, coordinator, Map.of("preferredTimes", List.of(Map.of("day", "monday",
                "from", "17:00", "to", "13:00"))));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("preferredTimes[0].to");
        Api.Answer funday = unit.api.put(path, coordinator, Map.of("preferredTimes", List.of(Map.of("day", "funday",
                "from", "13:00", "to", "17:00"))));
        assertThat(funday.status()).isEqualTo(422);
        assertThat(funday.body()).contains("preferredTimes[0].day");
        Api.Answer twice = unit.api.put(path, coordinator, Map.of("preferredTimes", List.of(Map.of("day", "monday",
                "from", "13:00", "to", "17:00"), Map.of("day", "monday", "from", "08:00", "to", "10:00"))));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("preferredTimes");
        assertThat(unit.api.put(path, unit.token(Role.BILLING), Map.of("preferredTimes", List.of())).status())
                .isEqualTo(403);

        List<Map<String, Object>> afternoons = List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                .map(d -> Map.<String, Object>of("day", d, "from", "12:00", "to", "18:00")).toList();
        // a change names the revision it was made from: none is a 422 naming the field
        assertThat(unit.api.put(path, coordinator, Map.of("preferredTimes", afternoons)).body()).contains("revision");
        String none = revision(path);
        Unit.expect(unit.api.put(path, coordinator, Map.of("preferredTimes", afternoons, "revision", none)), 200);
        // a second change made from the same reading is refused with what is stored now, and nothing is written
        Api.Answer stale = unit.api.put(path, unit.token(Role.NURSE), Map.of("preferredTimes", List.of(), "revision",
                none));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map()).containsEntry("key", "PREFERRED_TIMES_CHANGED").containsEntry("currentRevision",
                revision(path));
        assertThat((List<?>) stale.map().get("current")).hasSize(5);
        assertThat((List<Map<String, Object>>) Unit.expect(unit.api.get(path, unit.token(Role.NURSE)), 200).map()
                .get("preferredTimes")).hasSize(5).first().satisfies(w -> {
                    assertThat(w).containsEntry("day", "monday");
                    assertThat(LocalTime.parse((String) w.get("from"))).isEqualTo(LocalTime.of(12, 0));
                    assertThat(LocalTime.parse((String) w.get("to"))).isEqualTo(LocalTime.of(18, 0));
                });

        signed(Unit.plasmaExchangeOrder(patient));
        Map<String, Object> p = proposal();
        assertThat(assignments(p)).isNotEmpty().allSatisfy(x -> {
            if (start(x).getDayOfWeek() != DayOfWeek.SATURDAY) {
                assertThat(start(x).toLocalTime()).as(start(x).toString()).isAfterOrEqualTo(LocalTime.of(12, 0));
                assertThat(end(x).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(18, 0));
            }
        });

        // a preference nothing can keep (Sunday only, the unit is closed) is named in the explanation, in words
        Unit.expect(unit.api.put(path, coordinator, Map.of("preferredTimes", List.of(Map.of("day", "sunday", "from",
                "09:00", "to", "12:00")), "revision", revision(path))), 200);
        Map<String, Object> q = proposal();
        assertThat((List<Map<String, Object>>) q.get("explanation")).anySatisfy(b -> {
            assertThat(b).containsEntry("rule", "outside the patient's preferred times").containsEntry("level", "soft");
            assertThat((List<String>) b.get("sentences")).anySatisfy(t -> assertThat(t)
                    .contains("outside the times the patient prefers (Sun 09:00–12:00)"));
        });
        assertThat(assignments(q)).allSatisfy(x -> assertThat((List<String>) x.get("notes")).anySatisfy(n -> assertThat(n)
                .contains("outside the patient's preferred times")));
        Api.Answer cleared = Unit.expect(unit.api.put(path, coordinator, Map.of("preferredTimes", List.of(), "revision",
                revision(path))), 200);
        assertThat((List<?>) Unit.expect(unit.api.get(path, coordinator), 200).map().get("preferredTimes")).isEmpty();
        // no preference has the revision it had before any was recorded: the same times, the same revision
        assertThat(cleared.map()).containsEntry("revision", none);
    }

    @Test
    void a_booking_by_hand_with_a_nurse_off_shift_is_refused_on_a_day_the_unit_keeps_a_rota() {
        unitOfOne();
        String order = signed(Unit.plasmaExchangeOrder(unit.createPatient(Unit.mrn("SHIFT"))));
        String coordinator = unit.token(Role.COORDINATOR);
        Unit.expect(unit.api.post("/api/schedule/shifts", coordinator, Map.of("nurse", "nurse1", "from",
                "2026-03-02T11:00:00Z", "to", "2026-03-02T18:00:00Z")), 201);

        Api.Answer early = unit.api.post("/api/sessions", coordinator, booking(order, "2026-03-02T08:00:00Z"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.map()).containsEntry("key", "NURSE_OFF_SHIFT");
        assertThat(early.body()).contains("nurse1").contains("11:00–18:00");

        // Tuesday has no shift recorded: the unit keeps no rota that day
        Unit.expect(unit.api.post("/api/sessions", coordinator, booking(order, "2026-03-03T08:00:00Z")), 201);
        Api.Answer inside = Unit.expect(unit.api.post("/api/sessions", coordinator, booking(order,
                "2026-03-02T12:00:00Z")), 201);

        Map<String, Object> back = new LinkedHashMap<>(booking(order, "2026-03-02T08:30:00Z"));
        back.remove("orderId");
        back.put("version", 1);
        Api.Answer moved = unit.api.put("/api/sessions/" + inside.id(), coordinator, back);
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.map()).containsEntry("key", "NURSE_OFF_SHIFT");
        back.remove("nurse");
        Unit.expect(unit.api.put("/api/sessions/" + inside.id(), coordinator, back), 200);
    }

    private Map<String, Object> booking(String order, String start) {
        return Map.of("orderId", order, "plannedStart", start, "machine", machine, "chair", chair, "nurse", "nurse1");
    }

    /** The preferred times' revision as a reader sees it now. */
    private String revision(String path) {
        return (String) Unit.expect(unit.api.get(path, unit.token(Role.COORDINATOR)), 200).map().get("revision");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_changes_of_the_preferred_times_made_from_one_reading_at_once_keep_one_and_refuse_the_other(
            Databases.Kind db) throws Exception {
        unitOfOne(db);
        String patient = unit.createPatient(Unit.mrn("PREFRACE"));
        String path = "/api/patients/" + patient + "/preferred-times";
        String read = revision(path);
        List<java.util.concurrent.Callable<Api.Answer>> both = List.of("monday", "friday").stream()
                .<java.util.concurrent.Callable<Api.Answer>>map(d -> () -> unit.api.put(path,
                        unit.token(Role.COORDINATOR), Map.of("preferredTimes", List.of(Map.of("day", d, "from", "08:00",
                                "to", "12:00")), "revision", read))).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Api.Answer> f : pool.invokeAll(both)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        // what is stored is one of the two whole, never a mix
        assertThat((List<?>) Unit.expect(unit.api.get(path, unit.token(Role.NURSE)), 200).map().get("preferredTimes"))
                .hasSize(1);
    }

}
