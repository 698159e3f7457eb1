package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * The rota the week is planned on, over HTTP on a real server (H2), on a clock at Monday 2 March 2026 06:00 UTC:
 * the unit's own rules, its closures, the nurses' shifts and machines out of service each change what the solver
 * proposes, a machine out of service cannot be booked by hand either, and a proposal made before the rota changed
 * cannot be booked.
 */
class ScheduleRotaTest {

    private static final Instant MONDAY_6AM = Instant.parse("2026-03-02T06:00:00Z");
    private static final Map<String, Object> WEEK = Map.of("from", "2026-03-02", "to", "2026-03-07",
            "spentLimitSeconds", 2);

    private Unit unit;
    private String machine;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    /** A unit with one separator, one chair, nurse1 trained for exchanges, and five exchanges every 48 h signed. */
    private String unitWithACourse() {
        unit = Unit.start(Databases.Kind.H2, new TestClock(MONDAY_6AM).withZone(ZoneOffset.UTC));
        machine = unit.freshMachine();
        unit.freshChair();
        Unit.expect(unit.api.put("/api/schedule/nurse-skills", unit.token(Role.ADMIN), Map.of("username",
                "nurse1", "skills", List.of("plasma-exchange"))), 200);
        return unit.signedOrder(unit.createPatient(Unit.mrn("ROTA")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> proposed() {
        Api.Answer p = Unit.expect(unit.api.post("/api/schedule/proposals", unit.token(Role.COORDINATOR), WEEK), 201);
        assertThat(p.map()).as(p.body()).containsEntry("feasible", true);
        return (List<Map<String, Object>>) p.map().get("assignments");
    }

    private static LocalDateTime start(Map<String, Object> a) {
        return LocalDateTime.ofInstant(Instant.parse((String) a.get("plannedStart")), ZoneOffset.UTC);
    }

    private static LocalDateTime end(Map<String, Object> a) {
        return start(a).plusMinutes(((Number) a.get("durationMin")).intValue());
    }

    @Test
    void the_rules_the_unit_starts_with_are_the_standard_ones_and_only_an_administrator_changes_them() {
        unitWithACourse();
        Map<String, Object> r = Unit.expect(unit.api.get("/api/schedule/rules", unit.token(Role.NURSE)), 200).map();
        UnitRules standard = UnitRules.standard(LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
        assertThat(r).containsEntry("version", 1).containsEntry("slotMin", standard.slotMin())
                .containsEntry("maxPatientsPerNurse", standard.maxPatientsPerNurse())
                .containsEntry("turnoverMin", standard.turnoverMin())
                .containsEntry("intervalToleranceMin", standard.intervalToleranceMin())
                .containsEntry("setUpAndRinsebackMin", standard.setUpAndRinsebackMin())
                .containsEntry("labTurnaroundMin", standard.labTurnaroundMin());
        assertThat(LocalTime.parse((String) r.get("labCutOff"))).isEqualTo(standard.labCutOff());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hours = (List<Map<String, Object>>) r.get("openingHours");
        assertThat(hours).hasSize(standard.openingHours().size()).allSatisfy(d -> {
            UnitRules.Hours h = standard.openingHours().get(DayOfWeek.valueOf(((String) d.get("day")).toUpperCase(
                    java.util.Locale.ROOT)));
            assertThat(LocalTime.parse((String) d.get("opens"))).isEqualTo(h.open());
            assertThat(LocalTime.parse((String) d.get("closes"))).isEqualTo(h.close());
        });

        Map<String, Object> change = rules(1, "09:00", "17:00");
        assertThat(unit.api.put("/api/schedule/rules", unit.token(Role.COORDINATOR), change).status()).isEqualTo(403);
        Api.Answer bad = unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), rules(1, "17:00", "09:00"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("openingHours[0].closes");
        Unit.expect(unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), change), 200);
        Api.Answer stale = unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map()).containsEntry("key", "STALE_VERSION");
    }

    /** Rules open Monday to Friday only, {@code opens} to {@code closes}. */
    private static Map<String, Object> rules(int version, String opens, String closes) {
        return Map.of("openingHours", List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                .map(d -> Map.of("day", d, "opens", opens, "closes", closes)).toList(), "labCutOff", "15:00",
                "maxPatientsPerNurse", 2, "turnoverMin", 15, "intervalToleranceMin", 720, "slotMin", 15, "version",
                version);
    }

    @Test
    void the_solver_keeps_the_units_own_opening_hours_and_its_closures() {
        unitWithACourse();
        Unit.expect(unit.api.put("/api/schedule/rules", unit.token(Role.ADMIN), rules(1, "09:00", "17:00")), 200);
        Api.Answer closed = Unit.expect(unit.api.post("/api/schedule/closures", unit.token(Role.COORDINATOR), Map.of(
                "day", "2026-03-04", "reason", "Staff training day")), 201);
        List<Map<String, Object>> a = proposed();
        assertThat(a).isNotEmpty().allSatisfy(x -> {
            assertThat(start(x).toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
            assertThat(end(x).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
            assertThat(start(x).getDayOfWeek()).isNotIn(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
        });
        Api.Answer again = unit.api.post("/api/schedule/closures", unit.token(Role.COORDINATOR), Map.of("day",
                "2026-03-04", "reason", "twice"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(unit.api.post("/api/schedule/closures", unit.token(Role.COORDINATOR), Map.of("day", "2026-03-01",
                "reason", "yesterday")).status()).as("a day in the past").isEqualTo(422);
        assertThat(unit.api.post("/api/schedule/closures", unit.token(Role.NURSE), Map.of("day", "2026-03-05",
                "reason", "x")).status()).isEqualTo(403);

        Unit.expect(unit.api.post("/api/schedule/closures/" + closed.id() + "/cancel", unit.token(Role.COORDINATOR),
                ""), 200);
        assertThat(Unit.expect(unit.api.get("/api/schedule/closures?from=2026-03-02", unit.token(Role.NURSE)), 200)
                .list()).isEmpty();
        assertThat(proposed()).anySatisfy(x -> assertThat(start(x).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY));
    }

    @Test
    void with_a_rota_the_nurse_is_given_sessions_only_inside_her_shifts() {
        unitWithACourse();
        shift("2026-03-02T11:00:00Z", "2026-03-02T18:00:00Z");
        shift("2026-03-04T12:00:00Z", "2026-03-04T18:00:00Z");
        shift("2026-03-06T07:30:00Z", "2026-03-06T13:00:00Z");
        List<Map<String, Object>> a = proposed();
        List<LocalDateTime[]> shifts = List.of(
                new LocalDateTime[] {LocalDateTime.parse("2026-03-02T11:00"), LocalDateTime.parse("2026-03-02T18:00")},
                new LocalDateTime[] {LocalDateTime.parse("2026-03-04T12:00"), LocalDateTime.parse("2026-03-04T18:00")},
                new LocalDateTime[] {LocalDateTime.parse("2026-03-06T07:30"), LocalDateTime.parse("2026-03-06T13:00")});
        assertThat(a).hasSize(3).allSatisfy(x -> assertThat(shifts).as(start(x) + " to " + end(x)).anySatisfy(s -> {
            assertThat(start(x)).isAfterOrEqualTo(s[0]);
            assertThat(end(x)).isBeforeOrEqualTo(s[1]);
        }));

        Api.Answer overlap = unit.api.post("/api/schedule/shifts", unit.token(Role.COORDINATOR), Map.of("nurse",
                "nurse1", "from", "2026-03-02T17:00:00Z", "to", "2026-03-02T20:00:00Z"));
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.body()).contains("from").contains("on shift");
        assertThat(unit.api.post("/api/schedule/shifts", unit.token(Role.COORDINATOR), Map.of("nurse", "nurse1",
                "from", "2026-03-03T07:00:00Z", "to", "2026-03-04T08:00:00Z")).status()).as("25 h").isEqualTo(422);
        assertThat(unit.api.post("/api/schedule/shifts", unit.token(Role.COORDINATOR), Map.of("nurse", "nobody",
                "from", "2026-03-03T07:00:00Z", "to", "2026-03-03T15:00:00Z")).body()).contains("nurse");
        assertThat(Unit.expect(unit.api.get("/api/schedule/shifts?from=2026-03-02&to=2026-03-08",
                unit.token(Role.NURSE)), 200).list()).hasSize(3);
    }

    @Test
    void a_weekly_pattern_puts_a_nurse_on_every_chosen_day_and_is_added_whole_or_not_at_all() {
        unitWithACourse();
        Map<String, Object> pattern = new java.util.HashMap<>(Map.of("nurse", "nurse1", "firstDay", "2026-03-02",
                "lastDay", "2026-03-15", "days", List.of("monday", "wednesday", "friday"), "start", "07:30",
                "end", "15:30"));
        List<Map<String, Object>> made = Unit.expect(unit.api.post("/api/schedule/shift-patterns",
                unit.token(Role.COORDINATOR), pattern), 201).list();
        // Mon 2, Wed 4, Fri 6, Mon 9, Wed 11, Fri 13 March, 07:30-15:30 in the unit's zone (UTC here)
        assertThat(made).extracting(m -> m.get("from")).containsExactly("2026-03-02T07:30:00Z", "2026-03-04T07:30:00Z",
                "2026-03-06T07:30:00Z", "2026-03-09T07:30:00Z", "2026-03-11T07:30:00Z", "2026-03-13T07:30:00Z");
        assertThat(made).extracting(m -> m.get("to")).allSatisfy(t -> assertThat((String) t).endsWith("T15:30:00Z"));
        // the nurse is planned inside the pattern's shifts, as inside shifts added one by one
        assertThat(proposed()).isNotEmpty().allSatisfy(x -> {
            assertThat(start(x).getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            assertThat(start(x).toLocalTime()).isAfterOrEqualTo(LocalTime.of(7, 30));
            assertThat(end(x).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(15, 30));
        });

        // a night pattern ends the next morning
        Map<String, Object> nights = new java.util.HashMap<>(pattern);
        nights.putAll(Map.of("firstDay", "2026-03-07", "lastDay", "2026-03-07", "days", List.of("saturday"),
                "start", "20:00", "end", "08:00"));
        assertThat(Unit.expect(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), nights),
                201).list().get(0)).containsEntry("from", "2026-03-07T20:00:00Z").containsEntry("to",
                        "2026-03-08T08:00:00Z");

        // one day of the pattern overlaps a shift already there: nothing of it is added, the day is named
        Map<String, Object> clash = new java.util.HashMap<>(pattern);
        clash.putAll(Map.of("firstDay", "2026-03-16", "lastDay", "2026-03-20", "days", List.of("monday", "friday"),
                "start", "15:00", "end", "18:00"));
        shift("2026-03-20T16:00:00Z", "2026-03-20T20:00:00Z");
        Api.Answer refused = unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), clash);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("days").contains("2026-03-20").contains("no shift of the pattern");
        assertThat(Unit.expect(unit.api.get("/api/schedule/shifts?from=2026-03-16&to=2026-03-20",
                unit.token(Role.NURSE)), 200).list()).as("only the shift there before").hasSize(1);

        // bad input names its field
        Map<String, Object> bad = new java.util.HashMap<>(pattern);
        bad.put("days", List.of("funday"));
        assertThat(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), bad).body())
                .contains("days").contains("funday");
        bad.put("days", List.of("monday"));
        bad.put("lastDay", "2026-06-30");
        assertThat(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), bad).body())
                .contains("lastDay");
        bad.put("lastDay", "2026-03-06");
        bad.put("firstDay", "2026-03-01");
        assertThat(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), bad).body())
                .contains("firstDay").contains("in the past");
        bad.put("firstDay", "2026-03-03");
        bad.put("lastDay", "2026-03-05");
        assertThat(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.COORDINATOR), bad).body())
                .as("no monday between").contains("none of these days");
        assertThat(unit.api.post("/api/schedule/shift-patterns", unit.token(Role.NURSE), pattern).status())
                .isEqualTo(403);
    }

    private String shift(String from, String to) {
        return Unit.expect(unit.api.post("/api/schedule/shifts", unit.token(Role.COORDINATOR), Map.of("nurse",
                "nurse1", "from", from, "to", to)), 201).id();
    }

    @Test
    void a_machine_out_of_service_is_booked_neither_by_hand_nor_by_the_solver_until_it_is_back() {
        String order = unitWithACourse();
        String machineId = Unit.expect(unit.api.get("/api/machines", unit.token(Role.NURSE)), 200).list().stream()
                .filter(m -> machine.equals(m.get("name"))).findFirst().orElseThrow().get("id").toString();
        Api.Answer out = Unit.expect(unit.api.post("/api/machines/" + machineId + "/out-of-service",
                unit.token(Role.COORDINATOR), Map.of("from", "2026-03-02T06:00:00Z", "to", "2026-03-03T18:00:00Z",
                        "reason", "Centrifuge alarm, engineer called")), 201);

        Api.Answer byHand = unit.api.post("/api/sessions", unit.token(Role.NURSE), Map.of("orderId", order,
                "plannedStart", "2026-03-02T10:00:00Z", "machine", machine, "nurse", "nurse1"));
        assertThat(byHand.status()).isEqualTo(409);
        assertThat(byHand.map()).containsEntry("key", "MACHINE_OUT_OF_SERVICE");
        assertThat(byHand.body()).contains("Centrifuge alarm");

        List<Map<String, Object>> a = proposed();
        assertThat(a).isNotEmpty().allSatisfy(x -> assertThat(start(x)).isAfterOrEqualTo(LocalDateTime.parse(
                "2026-03-03T18:00")));

        // a proposal made now, then the machine back early: the proposal was made on a rota that changed
        Api.Answer p = Unit.expect(unit.api.post("/api/schedule/proposals", unit.token(Role.COORDINATOR), WEEK), 201);
        Unit.expect(unit.api.post("/api/machines/" + machineId + "/out-of-service/" + out.id() + "/cancel",
                unit.token(Role.ADMIN), ""), 200);
        Api.Answer stale = unit.api.post("/api/schedule/proposals/" + p.id() + "/apply",
                unit.token(Role.COORDINATOR), "");
        assertThat(stale.map()).containsEntry("key", "PROPOSAL_STALE");
        assertThat(unit.api.post("/api/machines/" + machineId + "/out-of-service/" + out.id() + "/cancel",
                unit.token(Role.ADMIN), "").map()).containsEntry("key", "ALREADY_CANCELLED");
        assertThat(Unit.expect(unit.api.get("/api/machines/" + machineId + "/out-of-service", unit.token(Role.NURSE)),
                200).list()).singleElement().satisfies(o -> assertThat(o.get("cancelledBy")).isEqualTo("admin"));
        Unit.expect(unit.api.post("/api/sessions", unit.token(Role.NURSE), Map.of("orderId", order, "plannedStart",
                "2026-03-02T10:00:00Z", "machine", machine, "nurse", "nurse1")), 201);
        assertThat(unit.api.post("/api/machines/" + machineId + "/out-of-service", unit.token(Role.COORDINATOR),
                Map.of("from", "2026-03-03T18:00:00Z", "to", "2026-03-03T08:00:00Z", "reason", "x")).body())
                .contains("\"to\"");
    }

    @Test
    void a_machine_that_breaks_and_a_nurse_off_sick_show_the_sessions_they_break_and_a_new_plan_moves_them() {
        String order = unitWithACourse();
        String session = Unit.expect(unit.api.post("/api/sessions", unit.token(Role.NURSE), Map.of("orderId", order,
                "plannedStart", "2026-03-02T10:00:00Z", "machine", machine, "nurse", "nurse1")), 201).id();
        String conflicts = "/api/schedule/rota-conflicts?from=2026-03-02&to=2026-03-08";
        assertThat(Unit.expect(unit.api.get(conflicts, unit.token(Role.COORDINATOR)), 200).list()).isEmpty();
        String machineId = Unit.expect(unit.api.get("/api/machines", unit.token(Role.NURSE)), 200).list().stream()
                .filter(m -> machine.equals(m.get("name"))).findFirst().orElseThrow().get("id").toString();
        // the machine breaks during the session's set-up: it overlaps the session's occupancy, not its start
        Unit.expect(unit.api.post("/api/machines/" + machineId + "/out-of-service", unit.token(Role.COORDINATOR),
                Map.of("from", "2026-03-02T09:50:00Z", "to", "2026-03-02T18:00:00Z", "reason", "Pump failure")), 201);
        List<Map<String, Object>> found = Unit.expect(unit.api.get(conflicts, unit.token(Role.COORDINATOR)), 200)
                .list();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("sessionId", session).containsEntry("plannedStart", "2026-03-02T10:00:00Z");
            assertThat(c.get("reasons").toString()).contains("machine " + machine + " is out of service")
                    .contains("Pump failure");
        });
        // and its nurse is rostered later that day only (a sick morning)
        Unit.expect(unit.api.post("/api/schedule/shifts", unit.token(Role.COORDINATOR), Map.of("nurse", "nurse1",
                "from", "2026-03-02T13:00:00Z", "to", "2026-03-02T20:00:00Z")), 201);
        assertThat(Unit.expect(unit.api.get(conflicts, unit.token(Role.COORDINATOR)), 200).list().get(0)
                .get("reasons").toString()).contains("nurse nurse1 is not on shift");
        // planning the days again moves the booked session off the broken machine and into the nurse's shift
        unit.freshMachine();
        Map<String, Object> moved = proposed().stream().filter(a -> session.equals(a.get("sessionId"))).findFirst()
                .orElseThrow();
        assertThat(moved.get("change")).isEqualTo("MOVE");
        assertThat(moved.get("machine")).isNotEqualTo(machine);
        assertThat(start(moved)).isAfterOrEqualTo(LocalDateTime.parse("2026-03-02T13:00"));
        assertThat(unit.api.get(conflicts, unit.token(Role.NURSE)).status()).as("the planners' list").isEqualTo(403);
        assertThat(unit.api.get("/api/schedule/rota-conflicts?from=2026-03-02&to=2026-05-02",
                unit.token(Role.COORDINATOR)).body()).contains("\"to\"");
    }
}
