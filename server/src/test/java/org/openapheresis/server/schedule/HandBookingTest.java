package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
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
 * A session booked or moved by hand outside the unit's rules — its opening hours and days closed, the lab's cut-off
 * for a collection, the time an order's pre-procedure labs need to come back — is warned of, not refused: 409
 * {@code BOOKING_WARNINGS_OPEN} with a code and a sentence per warning, booked once the codes are sent back as
 * {@code acknowledgedWarnings}, the acknowledgement kept with the session and in the audit trail. Over HTTP on a real
 * server (H2, and PostgreSQL for what V23 stores), on a clock at Monday 2 March 2026 06:00 UTC with the unit's standard
 * rules (Monday to Friday 07:30–18:00, Saturday 08:00–14:00, cut-off 15:00, 60 min lab turnaround).
 */
class HandBookingTest {

    private static final Instant MONDAY_6AM = Instant.parse("2026-03-02T06:00:00Z");

    private Unit unit;
    private String machine;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    private void unitOfOne(Databases.Kind db) {
        unit = Unit.start(db, new TestClock(MONDAY_6AM).withZone(ZoneOffset.UTC));
        machine = unit.freshMachine();
    }

    private Api.Answer book(String order, String start, List<String> acknowledged) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("orderId", order, "plannedStart", start, "machine",
                machine, "nurse", "nurse1"));
        if (acknowledged != null) {
            body.put("acknowledgedWarnings", acknowledged);
        }
        return unit.api.post("/api/sessions", unit.token(Role.COORDINATOR), body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unacknowledged(Api.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.map()).containsEntry("key", "BOOKING_WARNINGS_OPEN");
        return (List<Map<String, Object>>) a.map().get("unacknowledged");
    }

    private static List<Object> codes(List<Map<String, Object>> warnings) {
        return warnings.stream().map(w -> w.get("code")).toList();
    }

    private List<Map<String, Object>> sessionsOf(String order) {
        return Unit.expect(unit.api.get("/api/sessions?date=2026-03-02", unit.token(Role.NURSE)), 200).list().stream()
                .filter(s -> order.equals(s.get("orderId"))).toList();
    }

    /** How long a session of the order takes its machine: the plan's run time, set-up and rinseback. */
    @SuppressWarnings("unchecked")
    private int occupiesMin(String order) {
        Map<String, Object> plan = (Map<String, Object>) Unit.expect(unit.api.get("/api/orders/" + order,
                unit.token(Role.NURSE)), 200).map().get("plan");
        return (int) Math.ceil(((Number) plan.get("durationMin")).doubleValue()) + 30;
    }

    @Test
    void a_session_inside_the_opening_hours_is_booked_with_nothing_to_acknowledge() {
        unitOfOne(Databases.Kind.H2);
        String order = unit.signedOrder(unit.createPatient(Unit.mrn("INSIDE")));
        Api.Answer booked = Unit.expect(book(order, "2026-03-02T09:00:00Z", null), 201);
        assertThat(booked.map().get("bookingAcknowledgement")).isNull();
        Api.Answer saturday = Unit.expect(book(order, "2026-03-07T08:00:00Z", List.of()), 201);
        assertThat(saturday.map().get("bookingAcknowledgement")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_session_after_closing_is_warned_with_its_times_and_booked_once_acknowledged_with_who_and_what(
            Databases.Kind db) {
        unitOfOne(db);
        String patient = unit.createPatient(Unit.mrn("EVENING"));
        String order = unit.signedOrder(patient);
        int occupies = occupiesMin(order);
        String end = LocalDateTime.parse("2026-03-02T19:00").plusMinutes(occupies).toLocalTime().toString();

        List<Map<String, Object>> open = unacknowledged(book(order, "2026-03-02T19:00:00Z", null));
        assertThat(codes(open)).containsExactly("OUTSIDE_OPENING_HOURS");
        assertThat((String) open.get(0).get("message")).contains("Mon 2 Mar 19:00 to " + end)
                .contains(occupies + " min outside").contains("07:30–18:00");
        assertThat(sessionsOf(order)).as("nothing is booked before the warning is acknowledged").isEmpty();

        Api.Answer bad = book(order, "2026-03-02T19:00:00Z", List.of("AFTER_HOURS_OK"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("acknowledgedWarnings[0]");
        assertThat(unacknowledged(book(order, "2026-03-02T19:00:00Z", List.of("LABS_NOT_BACK"))))
                .as("another warning's code acknowledges nothing of this one").hasSize(1);

        Api.Answer booked = Unit.expect(book(order, "2026-03-02T19:00:00Z", List.of("OUTSIDE_OPENING_HOURS")), 201);
        Map<String, Object> ack = (Map<String, Object>) Unit.expect(unit.api.get("/api/sessions/" + booked.id(),
                unit.token(Role.NURSE)), 200).map().get("bookingAcknowledgement");
        assertThat(ack).as("read back from the record").containsEntry("acknowledgedBy", "coordinator1")
                .containsEntry("acknowledgedAt", MONDAY_6AM.toString());
        assertThat(codes((List<Map<String, Object>>) ack.get("warnings"))).containsExactly("OUTSIDE_OPENING_HOURS");
        assertThat((List<Map<String, Object>>) ack.get("warnings")).first().satisfies(w -> assertThat(
                (String) w.get("message")).isEqualTo(open.get(0).get("message")));

        String admin = unit.api.login("admin", Databases.ADMIN_PASSWORD);
        assertThat(unit.api.get("/api/audit?patientId=" + patient, admin).list()).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "acknowledge booking warnings (on call)")
                    .containsEntry("username", "coordinator1")
                    .containsEntry("resource", "/api/sessions/" + booked.id() + "#acknowledged=OUTSIDE_OPENING_HOURS");
        });
    }

    @Test
    void a_session_on_a_day_without_hours_or_on_a_closure_is_warned_the_unit_is_closed() {
        unitOfOne(Databases.Kind.H2);
        String order = unit.signedOrder(unit.createPatient(Unit.mrn("SUNDAY")));
        List<Map<String, Object>> sunday = unacknowledged(book(order, "2026-03-08T10:00:00Z", null));
        assertThat(codes(sunday)).containsExactly("UNIT_CLOSED");
        assertThat((String) sunday.get(0).get("message")).contains("Sun 8 Mar").contains("no opening hours on Sundays");

        Unit.expect(unit.api.post("/api/schedule/closures", unit.token(Role.COORDINATOR), Map.of("day", "2026-03-04",
                "reason", "Staff training day")), 201);
        List<Map<String, Object>> closed = unacknowledged(book(order, "2026-03-04T09:00:00Z", null));
        assertThat(codes(closed)).containsExactly("UNIT_CLOSED");
        assertThat((String) closed.get(0).get("message")).contains("Wed 4 Mar").contains("closed: Staff training day");
        Api.Answer onCall = Unit.expect(book(order, "2026-03-04T09:00:00Z", List.of("UNIT_CLOSED")), 201);
        assertThat(onCall.body()).contains("Staff training day");
    }

    @Test
    void a_collection_ending_after_the_lab_cut_off_is_warned_though_inside_the_opening_hours() {
        unitOfOne(Databases.Kind.H2);
        String donor = unit.registeredPerson("CUTOFF", "patient", 70);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", donor);
        o.put("indication", Map.of("code", "Z52.091", "text", "Collection", "guidelineRow", "hpc-collection"));
        o.put("procedure", Map.of("type", "hpc-collection", "device", "continuous-flow", "target",
                Map.of("cd34PerKg", 4e6)));
        Api.Answer created = Unit.expect(unit.api.post("/api/orders", unit.token(Role.PHYSICIAN), o), 201);
        Unit.expect(unit.api.post("/api/orders/" + created.id() + "/sign", unit.token(Role.PHYSICIAN),
                Unit.acknowledgingOrderWarnings(created)), 200);
        int occupies = occupiesMin(created.id());
        // finished at closing time: inside the opening hours, after the lab's 15:00 cut-off
        LocalDateTime start = LocalDateTime.parse("2026-03-02T18:00").minusMinutes(occupies);
        assertThat(start.toLocalTime()).as("the collection starts before closing").isAfter(java.time.LocalTime.of(7, 30));
        List<Map<String, Object>> open = unacknowledged(book(created.id(), start + ":00Z", null));
        assertThat(codes(open)).containsExactly("AFTER_LAB_CUTOFF");
        assertThat((String) open.get(0).get("message")).contains("180 min after").contains("cut-off at 15:00");

        String early = LocalDateTime.parse("2026-03-02T15:00").minusMinutes(occupies) + ":00Z";
        Api.Answer inTime = Unit.expect(book(created.id(), early, null), 201);
        assertThat(inTime.map().get("bookingAcknowledgement")).as("finished by the cut-off").isNull();
    }

    @Test
    void a_session_before_its_pre_procedure_labs_can_be_back_is_warned_and_one_after_is_not() {
        unitOfOne(Databases.Kind.H2);
        String patient = unit.createPatient(Unit.mrn("LABS"));
        Map<String, Object> o = new LinkedHashMap<>(Unit.plasmaExchangeOrder(patient));
        o.put("preProcedureLabs", Map.of("tests", List.of("fibrinogenGPerL", "plateletsE9PerL"), "maxAgeHours", 24));
        String dr = unit.token(Role.PHYSICIAN);
        Api.Answer created = Unit.expect(unit.api.post("/api/orders", dr, o), 201);
        Unit.expect(unit.api.post("/api/orders/" + created.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(
                created)), 200);
        String order = created.id();

        // the labs on record (taken Sunday 08:00) are 24 h old at Monday 08:00: Tuesday's first start waits for labs
        // drawn at 07:30, back at 08:30
        List<Map<String, Object>> open = unacknowledged(book(order, "2026-03-03T08:00:00Z", null));
        assertThat(codes(open)).containsExactly("LABS_NOT_BACK");
        assertThat((String) open.get(0).get("message")).contains("Fibrinogen").contains("at most 24 h old")
                .contains("back at 08:30").contains("60 min turnaround").contains("30 min after the start at 08:00");

        assertThat(Unit.expect(book(order, "2026-03-02T07:45:00Z", null), 201).map().get("bookingAcknowledgement"))
                .as("the labs on record are still current").isNull();
        assertThat(Unit.expect(book(order, "2026-03-03T08:30:00Z", null), 201).map().get("bookingAcknowledgement"))
                .as("labs drawn on arrival are back").isNull();
        // on call in the evening nobody drew them at the opening: drawn on the session's own arrival, they are back
        // an hour after its start
        List<Map<String, Object>> evening = unacknowledged(book(order, "2026-03-03T19:00:00Z", null));
        assertThat(codes(evening)).containsExactlyInAnyOrder("OUTSIDE_OPENING_HOURS", "LABS_NOT_BACK");
        assertThat(evening).filteredOn(w -> "LABS_NOT_BACK".equals(w.get("code"))).singleElement().satisfies(w ->
                assertThat((String) w.get("message")).contains("back at 20:00")
                        .contains("the start, outside the opening hours, plus the lab's 60 min turnaround")
                        .contains("60 min after the start at 19:00"));
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_move_by_hand_is_warned_as_a_booking_is_and_a_move_back_inside_the_rules_clears_the_acknowledgement(
            Databases.Kind db) {
        unitOfOne(db);
        String order = unit.signedOrder(unit.createPatient(Unit.mrn("MOVE")));
        Api.Answer booked = Unit.expect(book(order, "2026-03-02T09:00:00Z", null), 201);
        String path = "/api/sessions/" + booked.id();
        String coordinator = unit.token(Role.COORDINATOR);

        Api.Answer late = unit.api.put(path, coordinator, Map.of("plannedStart", "2026-03-02T20:00:00Z", "machine",
                machine, "version", 1));
        assertThat(codes(unacknowledged(late))).containsExactly("OUTSIDE_OPENING_HOURS");
        Map<String, Object> moved = Unit.expect(unit.api.put(path, coordinator, Map.of("plannedStart",
                "2026-03-02T20:00:00Z", "machine", machine, "version", 1, "acknowledgedWarnings",
                List.of("OUTSIDE_OPENING_HOURS"))), 200).map();
        assertThat((Map<String, Object>) moved.get("bookingAcknowledgement")).containsEntry("acknowledgedBy",
                "coordinator1");

        Map<String, Object> back = Unit.expect(unit.api.put(path, coordinator, Map.of("plannedStart",
                "2026-03-03T09:00:00Z", "machine", machine, "version", 2)), 200).map();
        assertThat(back.get("bookingAcknowledgement")).as("the record says how it is booked now").isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_session_dragged_on_the_week_onto_a_closed_day_is_warned_and_the_planner_leaves_it_where_it_was_booked() {
        unitOfOne(Databases.Kind.H2);
        unit.freshChair();
        Unit.expect(unit.api.put("/api/schedule/nurse-skills", unit.token(Role.ADMIN), Map.of("username", "nurse1",
                "skills", List.of("plasma-exchange"))), 200);
        // one urgent exchange, no course: nothing but the unit's hours stands in the way of Sunday
        Map<String, Object> o = new LinkedHashMap<>(Unit.plasmaExchangeOrder(unit.createPatient(Unit.mrn("DRAG"))));
        o.remove("schedule");
        String dr = unit.token(Role.PHYSICIAN);
        Api.Answer created = Unit.expect(unit.api.post("/api/orders", dr, o), 201);
        Unit.expect(unit.api.post("/api/orders/" + created.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(
                created)), 200);
        Api.Answer booked = Unit.expect(book(created.id(), "2026-03-02T09:00:00Z", null), 201);
        Map<String, Object> drag = new LinkedHashMap<>(Map.of("sessionId", booked.id(), "plannedStart",
                "2026-03-08T09:00:00Z", "machine", machine, "nurse", "nurse1", "version", 1));

        Api.Answer sunday = unit.api.post("/api/schedule/moves", unit.token(Role.COORDINATOR), drag);
        assertThat(codes(unacknowledged(sunday))).as("warned, not refused as a broken rule of the week")
                .containsExactly("UNIT_CLOSED");
        drag.put("acknowledgedWarnings", List.of("UNIT_CLOSED"));
        Map<String, Object> moved = Unit.expect(unit.api.post("/api/schedule/moves", unit.token(Role.COORDINATOR),
                drag), 200).map();
        assertThat(moved).containsEntry("plannedStart", "2026-03-08T09:00:00Z");
        assertThat((Map<String, Object>) moved.get("bookingAcknowledgement")).containsEntry("acknowledgedBy",
                "coordinator1");

        // the week planned again: the on-call session stays where the coordinator put it (its chair is filled in)
        Api.Answer p = Unit.expect(unit.api.post("/api/schedule/proposals", unit.token(Role.COORDINATOR), Map.of(
                "from", "2026-03-02", "to", "2026-03-08", "spentLimitSeconds", 1)), 201);
        assertThat(p.map()).as(p.body()).containsEntry("feasible", true);
        assertThat((List<Map<String, Object>>) p.map().get("assignments")).filteredOn(a -> booked.id().equals(
                a.get("sessionId"))).singleElement().satisfies(a -> assertThat(a).containsEntry("plannedStart",
                        "2026-03-08T09:00:00Z"));
        // booked whole: the chair filled in at the same start asks for nothing again, and the acknowledgement stays
        Unit.expect(unit.api.post("/api/schedule/proposals/" + p.id() + "/apply", unit.token(Role.COORDINATOR), ""),
                200);
        Map<String, Object> after = Unit.expect(unit.api.get("/api/sessions/" + booked.id(), unit.token(Role.NURSE)),
                200).map();
        assertThat(after).containsEntry("plannedStart", "2026-03-08T09:00:00Z");
        assertThat((Map<String, Object>) after.get("bookingAcknowledgement")).containsEntry("acknowledgedBy",
                "coordinator1");
    }
}
