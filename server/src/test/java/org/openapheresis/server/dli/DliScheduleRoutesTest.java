package org.openapheresis.server.dli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The escalating DLI schedule over HTTP: a physician orders it on the signed lymphocyte collection order (the order's
 * doses, the physician's intervals); the lab's aliquots are matched to its doses; the bedside refuses a higher dose
 * before a lower one and holds a dose before its interval until acknowledged; the infusion gives the dose; a grade II
 * visit holds the next one naming the visit; a physician skips a dose with the reason.
 */
class DliScheduleRoutesTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void close() {
        UNITS.close();
    }

    /** Released by two people and issued to the ward. */
    private static void issued(Unit u, String id) {
        Unit.expect(u.productStep(u.token(Role.LAB), id, Map.of("type", "release-prepared")), 200);
        Unit.expect(u.productStep(u.secondLab(), id, Map.of("type", "release-verified")), 200);
        Unit.expect(u.productStep(u.token(Role.LAB), id, Map.of("type", "issued")), 200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> doses(Map<String, Object> schedule) {
        return (List<Map<String, Object>>) schedule.get("doses");
    }

    /**
     * A completed lymphocyte collection from a new donor (75 kg) for a new recipient (60 kg), its order planning
     * 1, 5 and 10 × 10^6 CD3+/kg, its bag 150 mL at 20,000 CD3+/µL; answers {donor, recipient, session, order}.
     */
    private static String[] collection(Unit u, String what) {
        String donor = u.registeredPerson(what + "DONOR", "donor", 75);
        String recipient = u.registeredPerson(what + "REC", "patient", 60);
        String session = u.completedCollection(donor, "lymphocyte-collection", Map.of("cd3PerKgDoses", List.of(1e6, 5e6,
                1e7)), Map.of("weightKg", 60), Map.of("volumeMl", 150, "cd3PerUl", 20000, "wbcE9PerL", 40));
        String order = (String) u.api.get("/api/sessions/" + session, u.token(Role.NURSE)).map().get("orderId");
        return new String[] {donor, recipient, session, order};
    }

    /** The lab's product of the collection, for the recipient. */
    private static Map<String, Object> product(Unit u, String session, String recipient) {
        return Unit.expect(u.api.post("/api/products", u.token(Role.LAB), Map.of("sessionId", session, "recipientId",
                recipient, "descriptionCode", "DEX01", "expiresAt", Instant.now().plus(Duration.ofDays(1)).toString(),
                "anticoagulant", "ACD-A")), 201).map();
    }

    /**
     * The product divided into the three doses: at 20,000 CD3+/µL and 60 kg, 3, 15 and 30 mL are 1, 5 and
     * 10 × 10^6 CD3+/kg; answers the aliquots' ids in dose order.
     */
    @SuppressWarnings("unchecked")
    private static List<String> dividedIntoDoses(Unit u, Map<String, Object> product) {
        return (List<String>) Unit.expect(u.productStep(u.token(Role.LAB), (String) product.get("id"), Map.of("type",
                "divided", "aliquots", List.of(Map.of("volumeMl", 3), Map.of("volumeMl", 15), Map.of("volumeMl", 30)))),
                200).map().get("children");
    }

    private static Map<String, Object> only(Unit u, String recipient, String token) {
        List<Map<String, Object>> all = Unit.expect(u.api.get("/api/patients/" + recipient + "/dli-schedules", token), 200)
                .list();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void the_schedule_gives_the_orders_doses_in_order_each_after_its_interval_and_holds_one_after_gvhd(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String nurse = u.token(Role.NURSE);
        String physician = u.token(Role.PHYSICIAN);
        String[] c = collection(u, "SCHED");
        String donor = c[0];
        String recipient = c[1];
        String session = c[2];
        String order = c[3];
        LocalDate today = LocalDate.now(ZoneId.systemDefault());

        // the order's page asks for its schedule: none yet
        Api.Answer none = u.api.get("/api/orders/" + order + "/dli-schedule", physician);
        assertThat(none.status()).as(none.body()).isEqualTo(404);

        // the physician orders it; the doses are the order's, and what is wrong is named
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipientId", recipient);
        body.put("firstDoseOn", today.minusDays(1).toString());
        body.put("doses", List.of(Map.of(), Map.of("intervalDays", 42), Map.of("cd3PerKg", 1e7, "intervalDays", 42)));
        assertThat(u.api.post("/api/orders/" + order + "/dli-schedule", nurse, body).status()).as("physicians order")
                .isEqualTo(403);
        Map<String, Object> wrongDose = new LinkedHashMap<>(body);
        wrongDose.put("doses", List.of(Map.of(), Map.of("cd3PerKg", 2e7, "intervalDays", 42), Map.of("intervalDays", 0)));
        Api.Answer bad = u.api.post("/api/orders/" + order + "/dli-schedule", physician, wrongDose);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("doses[2].intervalDays");
        Map<String, Object> notTheOrders = new LinkedHashMap<>(body);
        notTheOrders.put("doses", List.of(Map.of(), Map.of("cd3PerKg", 2e7, "intervalDays", 42), Map.of("intervalDays",
                42)));
        Api.Answer other = u.api.post("/api/orders/" + order + "/dli-schedule", physician, notTheOrders);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("doses[1].cd3PerKg").contains("not the order's dose 2");
        Map<String, Object> toDonor = new LinkedHashMap<>(body);
        toDonor.put("recipientId", donor);
        assertThat(u.api.post("/api/orders/" + order + "/dli-schedule", physician, toDonor).body()).contains("recipientId");
        Map<String, Object> made = Unit.expect(u.api.post("/api/orders/" + order + "/dli-schedule", physician, body), 201)
                .map();
        assertThat(doses(made)).extracting(d -> d.get("status")).containsExactly("due", "planned", "planned");
        assertThat(doses(made)).extracting(d -> ((Number) d.get("cd3PerKg")).doubleValue()).containsExactly(1e6, 5e6, 1e7);
        assertThat(u.api.post("/api/orders/" + order + "/dli-schedule", physician, body).body())
                .as("never overwritten").contains("DLI_SCHEDULE_EXISTS");
        String scheduleId = (String) made.get("id");
        Map<String, Object> ofOrder = Unit.expect(u.api.get("/api/orders/" + order + "/dli-schedule", physician), 200)
                .map();
        assertThat(ofOrder).as("the order's schedule is the one made").containsEntry("id", scheduleId)
                .containsEntry("recipientId", recipient).containsEntry("orderId", order);
        assertThat(doses(ofOrder)).extracting(d -> d.get("status")).containsExactly("due", "planned", "planned");

        // the lab divides the bag into the three doses: 20,000 CD3+/µL, 60 kg: 3, 15 and 30 mL
        Map<String, Object> p = product(u, session, recipient);
        List<String> aliquots = dividedIntoDoses(u, p);
        Map<String, Object> read = only(u, recipient, lab);
        assertThat(doses(read)).extracting(d -> ((Map<String, Object>) d.get("aliquot")).get("productId"))
                .as("each dose with the aliquot of its dose").containsExactlyElementsOf(aliquots);
        // the coordinator reads it to book the next dose; billing does not
        Map<String, Object> booked = only(u, recipient, u.token(Role.COORDINATOR));
        assertThat(booked).containsEntry("id", scheduleId);
        assertThat(doses(booked)).extracting(d -> d.get("dueOn")).doesNotContainNull();
        assertThat(u.api.get("/api/patients/" + recipient + "/dli-schedules", u.token(Role.BILLING)).status())
                .isEqualTo(403);

        // dose 3 first: refused, acknowledged or not
        String din = (String) p.get("din");
        issued(u, aliquots.get(2));
        Map<String, Object> inf = new LinkedHashMap<>(Map.of("patientId", recipient, "scannedDin", din, "at",
                Instant.now().toString(), "acknowledgeDliLowerDose", true, "acknowledgeDliInterval", true));
        Api.Answer third = u.api.post("/api/products/" + aliquots.get(2) + "/infusions", nurse, inf);
        assertThat(Unit.bedsideReason(third)).isEqualTo("DLI_DOSE_ABOVE_SCHEDULE");
        assertThat(third.body()).contains("dose 1 of 3 (1 × 10^6 CD3+/kg)");

        // dose 1: given
        issued(u, aliquots.get(0));
        Map<String, Object> first = new LinkedHashMap<>(Map.of("patientId", recipient, "scannedDin", din, "at",
                Instant.now().toString()));
        Map<String, Object> given = Unit.expect(u.api.post("/api/products/" + aliquots.get(0) + "/infusions", nurse,
                first), 201).map();
        assertThat(given.toString()).contains("dliDoseNumber=1");
        read = only(u, recipient, nurse);
        assertThat(doses(read)).extracting(d -> d.get("status")).containsExactly("given", "due", "planned");
        Map<String, Object> dose1 = doses(read).get(0);
        assertThat(((Number) ((Map<String, Object>) dose1.get("given")).get("cd3PerKg")).doubleValue())
                .isCloseTo(1e6, org.assertj.core.data.Offset.offset(1.0));
        assertThat(((Map<String, Object>) dose1.get("given")).get("by")).isNotNull();
        assertThat(doses(read).get(1).get("dueOn")).isEqualTo(LocalDate.parse(String.valueOf(((Map<String, Object>) dose1
                .get("given")).get("at")).substring(0, 10)).plusDays(42).toString());

        // dose 2 today, 42 days early: held until acknowledged
        issued(u, aliquots.get(1));
        Map<String, Object> second = new LinkedHashMap<>(Map.of("patientId", recipient, "scannedDin", din, "at",
                Instant.now().toString()));
        Api.Answer early = u.api.post("/api/products/" + aliquots.get(1) + "/infusions", nurse, second);
        assertThat(Unit.bedsideReason(early)).isEqualTo("DLI_INTERVAL_NOT_PASSED");
        assertThat(early.body()).contains("acknowledgeDliInterval");

        // a grade III visit since dose 1 holds dose 2, naming the visit
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitAt", Instant.now().toString());
        visit.put("skin", Map.of("activeRashBodySurfacePercent", 30, "generalizedErythrodermaWithBullaeAndDesquamation",
                false));
        visit.put("liver", Map.of("totalBilirubinMgPerDl", 4.0));
        visit.put("upperGi", Map.of("persistentNauseaVomitingOrAnorexia", false));
        visit.put("lowerGi", Map.of("stoolOutputMlPerDay", 300, "severeAbdominalPainWithOrWithoutIleus", false,
                "grosslyBloodyStool", false));
        String visitId = Unit.expect(u.api.post("/api/patients/" + recipient + "/follow-ups", physician, visit), 201).id();
        read = only(u, recipient, physician);
        assertThat(doses(read)).extracting(d -> d.get("status")).containsExactly("given", "held", "planned");
        assertThat(read.get("hold").toString()).contains("grade III");
        assertThat(doses(read).get(1).get("heldBy").toString()).contains(visitId).contains("III");

        // the physician skips dose 2 with the reason; dose 3 becomes due, and dose 2 cannot be skipped again
        assertThat(u.api.post("/api/dli-schedules/" + scheduleId + "/skips", nurse, Map.of("dose", 2, "reason", "x")).status())
                .isEqualTo(403);
        assertThat(u.api.post("/api/dli-schedules/" + scheduleId + "/skips", physician, Map.of("dose", 2)).body())
                .contains("reason");
        Map<String, Object> skipped = Unit.expect(u.api.post("/api/dli-schedules/" + scheduleId + "/skips",
                physician, Map.of("dose", 2, "reason", "acute GVHD grade III after dose 1")), 200).map();
        assertThat(doses(skipped)).extracting(d -> d.get("status")).containsExactly("given", "skipped", "held");
        assertThat(doses(skipped).get(1).toString()).contains("acute GVHD grade III after dose 1");
        assertThat(u.api.post("/api/dli-schedules/" + scheduleId + "/skips", physician, Map.of("dose", 2, "reason", "again"))
                .body()).contains("DLI_DOSE_ALREADY_RECORDED");
        Api.Answer nine = u.api.post("/api/dli-schedules/" + scheduleId + "/skips", physician, Map.of("dose", 9, "reason",
                "x"));
        assertThat(nine.status()).isEqualTo(422);
        assertThat(nine.body()).contains("dose");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_physician_amends_the_doses_still_to_give_with_the_reason_and_the_bedside_checks_the_amended_dose(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String nurse = u.token(Role.NURSE);
        String physician = u.token(Role.PHYSICIAN);
        String[] c = collection(u, "AMEND");
        String recipient = c[1];
        String session = c[2];
        String order = c[3];
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        String scheduleId = Unit.expect(u.api.post("/api/orders/" + order + "/dli-schedule", physician, Map.of(
                "recipientId", recipient, "firstDoseOn", today.minusDays(1).toString(), "doses", List.of(Map.of(),
                        Map.of("intervalDays", 42), Map.of("intervalDays", 42)))), 201).id();
        Map<String, Object> p = product(u, session, recipient);
        List<String> aliquots = dividedIntoDoses(u, p);
        issued(u, aliquots.get(0));
        Unit.expect(u.api.post("/api/products/" + aliquots.get(0) + "/infusions", nurse, Map.of("patientId", recipient,
                "scannedDin", p.get("din"), "at", Instant.now().toString())), 201);
        String path = "/api/dli-schedules/" + scheduleId + "/amendments";
        String reason = "mixed chimerism improving after dose 1 without GVHD: dose 2 stays at 1 × 10^6/kg, later; "
                + "no third dose for now";
        List<Map<String, Object>> kept = List.of(Map.of("cd3PerKg", 1e6), Map.of("cd3PerKg", 1e6, "intervalDays", 56));

        assertThat(u.api.post(path, nurse, Map.of("doses", kept, "reason", reason)).status()).as("physicians amend")
                .isEqualTo(403);
        assertThat(u.api.post(path, physician, Map.of("doses", kept)).body()).contains("reason");
        Api.Answer givenChanged = u.api.post(path, physician, Map.of("reason", reason, "doses", List.of(
                Map.of("cd3PerKg", 2e6), Map.of("cd3PerKg", 5e6, "intervalDays", 42))));
        assertThat(givenChanged.status()).isEqualTo(409);
        assertThat(givenChanged.map()).containsEntry("key", "DLI_DOSE_ALREADY_RECORDED").containsEntry("field", "doses[0]");
        Api.Answer firstDayMoved = u.api.post(path, physician, Map.of("reason", reason, "firstDoseOn",
                today.plusDays(3).toString(), "doses", kept));
        assertThat(firstDayMoved.map()).as("dose 1 was given on its day").containsEntry("key", "DLI_DOSE_ALREADY_RECORDED");
        Api.Answer more = u.api.post(path, physician, Map.of("reason", reason, "doses", List.of(Map.of("cd3PerKg", 1e6),
                Map.of("cd3PerKg", 5e6, "intervalDays", 42), Map.of("cd3PerKg", 1e7, "intervalDays", 42),
                Map.of("cd3PerKg", 5e7, "intervalDays", 42))));
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.body()).contains("\"doses\"").contains("adds none");
        Api.Answer lower = u.api.post(path, physician, Map.of("reason", reason, "doses", List.of(Map.of("cd3PerKg", 1e6),
                Map.of("cd3PerKg", 5e6, "intervalDays", 42), Map.of("cd3PerKg", 2e6, "intervalDays", 42))));
        assertThat(lower.status()).isEqualTo(422);
        assertThat(lower.body()).contains("doses[2].cd3PerKg").contains("never lowers");
        Api.Answer same = u.api.post(path, physician, Map.of("reason", reason, "doses", List.of(Map.of("cd3PerKg", 1e6),
                Map.of("cd3PerKg", 5e6, "intervalDays", 42), Map.of("cd3PerKg", 1e7, "intervalDays", 42))));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.body()).contains("changes nothing");

        // dose 2 stays at dose 1's level, 56 days after it; the third is left out: the schedule ends after dose 2
        Map<String, Object> amended = Unit.expect(u.api.post(path, physician, Map.of("doses", kept, "reason", reason)),
                200).map();
        assertThat(doses(amended)).extracting(d -> d.get("status")).containsExactly("given", "due");
        Map<String, Object> dose2 = doses(amended).get(1);
        assertThat(((Number) dose2.get("cd3PerKg")).doubleValue()).isEqualTo(1e6);
        assertThat(dose2).containsEntry("intervalDays", 56).doesNotContainKey("aliquot");
        Map<String, Object> ordered = (Map<String, Object>) amended.get("ordered");
        assertThat((List<Map<String, Object>>) ordered.get("doses")).extracting(d -> ((Number) d.get("cd3PerKg"))
                .doubleValue()).as("the schedule as ordered is kept").containsExactly(1e6, 5e6, 1e7);
        List<Map<String, Object>> amendments = (List<Map<String, Object>>) amended.get("amendments");
        assertThat(amendments).hasSize(1);
        assertThat(amendments.get(0)).containsEntry("number", 1).containsEntry("reason", reason).containsKey("by")
                .containsKey("at");
        assertThat(only(u, recipient, nurse).get("amendments").toString()).contains("no third dose for now");
        // the therapy timeline says what was ordered and what was amended, by whom and why
        String therapy = Unit.expect(u.api.get("/api/patients/" + recipient + "/therapy", nurse), 200).body();
        assertThat(therapy).contains("DLI schedule ordered: 3 doses").contains("DLI schedule amended: 2 doses")
                .contains("no third dose for now");

        // the bedside checks the amended dose: the 5 × 10^6/kg aliquot is now above dose 2
        issued(u, aliquots.get(1));
        Api.Answer above = u.api.post("/api/products/" + aliquots.get(1) + "/infusions", nurse, Map.of("patientId",
                recipient, "scannedDin", p.get("din"), "at", Instant.now().toString(), "acknowledgeDliInterval", true));
        assertThat(Unit.bedsideReason(above)).isEqualTo("DLI_DOSE_ABOVE_SCHEDULE");
        assertThat(above.body()).contains("dose 2 of 2 (1 × 10^6 CD3+/kg)");

        // the third dose brought back, at 5 × 10^6/kg: a second amendment, the first kept
        Map<String, Object> again = Unit.expect(u.api.post(path, physician, Map.of("reason", "relapse marker rising: "
                + "escalate after dose 2", "doses", List.of(Map.of("cd3PerKg", 1e6), Map.of("cd3PerKg", 1e6,
                        "intervalDays", 56), Map.of("cd3PerKg", 5e6, "intervalDays", 28)))), 200).map();
        assertThat(doses(again)).extracting(d -> d.get("status")).containsExactly("given", "due", "planned");
        assertThat((List<Map<String, Object>>) again.get("amendments")).extracting(a -> a.get("number"))
                .containsExactly(1, 2);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_schedule_is_ordered_only_on_a_signed_lymphocyte_collection(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String patient = u.createPatient(Unit.mrn("SCHEDTPE"));
        String order = u.signedOrder(patient);
        Api.Answer a = u.api.post("/api/orders/" + order + "/dli-schedule", u.token(Role.PHYSICIAN), Map.of(
                "recipientId", patient, "firstDoseOn", "2026-03-10", "doses", List.of(Map.of("cd3PerKg", 1e6))));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.body()).contains("DLI_SCHEDULE_REFUSED").contains("not a lymphocyte collection");
    }
}
