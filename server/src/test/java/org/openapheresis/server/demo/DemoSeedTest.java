package org.openapheresis.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;

/** {@code serve --demo}: staff of each role, patients with orders, a week of sessions, a valid audit chain. */
class DemoSeedTest {

    @Test
    void the_demo_unit_has_staff_of_every_role_orders_and_todays_sessions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OpenApheresisServer server = OpenApheresisServer.start(Databases.config(Databases.Kind.H2).withDemo(true),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("Demo staff password \\(shown only once\\): (\\S+)").matcher(printed);
            assertThat(m.find()).as(printed).isTrue();
            Api api = new Api(server.port());
            String coordinator = api.login("coord.silva", m.group(1));
            List<Map<String, Object>> today = api.get("/api/sessions?date=" + LocalDate.now(), coordinator).list();
            assertThat(today).isNotEmpty();
            List<Map<String, Object>> all = api.get("/api/sessions", coordinator).list();
            assertThat(all).extracting(s -> s.get("status")).contains("completed", "scheduled");
            assertNoMachineIsBookedTwice(all, api, api.login("nurse.moreau", m.group(1)));
            String physician = api.login("dr.lindqvist", m.group(1));
            List<Map<String, Object>> orders = api.get("/api/orders", physician).list();
            assertThat(orders).extracting(o -> (Object) ((Map<?, ?>) o.get("indication")).get("code"))
                    .contains("G35.A", "G61.0", "M31.19", "G70.01");
            for (String user : List.of("nurse.moreau", "lab.fischer", "billing.novak")) {
                assertThat(api.login(user, m.group(1))).isNotBlank();
            }
            // billing: example prices, charges of the completed sessions, three kinds of coverage
            String billing = api.login("billing.novak", m.group(1));
            List<?> prices = (List<?>) api.get("/api/price-list", billing).map().get("entries");
            assertThat(prices).isNotEmpty().allSatisfy(p -> assertThat(((Map<?, ?>) p).get("example")).isEqualTo(true));
            List<?> charges = (List<?>) api.get("/api/charges", billing).map().get("items");
            assertThat(charges.stream().map(c -> (Object) ((Map<?, ?>) c).get("code")).toList()).contains("36514",
                    "38205", "38206", "J1459", "96365");
            // the CIDP patient's completed IVIG day of 27.2 g Privigen (68 kg x 2 g/kg over 5 days): 54.4 -> 55 units
            assertThat(charges.stream().map(c -> (Map<?, ?>) c).filter(c -> "J1459".equals(c.get("code")))
                    .map(c -> (Object) c.get("units")).toList()).isNotEmpty().containsOnly(55);
            long completed = all.stream().filter(x -> "completed".equals(x.get("status"))).count();
            long charged = charges.stream().map(c -> ((Map<?, ?>) c).get("sessionId")).filter(java.util.Objects::nonNull)
                    .distinct().count();
            assertThat(charged).as("completed sessions with a code rule are charged").isPositive()
                    .isLessThanOrEqualTo(completed);
            String ms = (String) orders.stream().filter(o -> "G35.A".equals(((Map<?, ?>) o.get("indication")).get("code")))
                    .findFirst().orElseThrow().get("patientId");
            assertThat(api.get("/api/patients/" + ms + "/coverages", billing).list()).singleElement()
                    .satisfies(c -> assertThat(c.get("plan").toString()).contains("high-deductible"));
            // the myeloma patient on a Medicare Advantage plan (V31: the database took no such coverage before); the
            // table's Medicare Advantage rows are the apheresis NCD's, none for an HPC collection: ask billing
            Map<String, Object> hpcOrder = orders.stream().filter(o -> "C90.00".equals(((Map<?, ?>) o.get("indication"))
                    .get("code"))).findFirst().orElseThrow();
            assertThat(api.get("/api/patients/" + hpcOrder.get("patientId") + "/coverages", billing).list())
                    .singleElement().satisfies(c -> assertThat(c).containsEntry("payerKind", "medicare-advantage"));
            assertThat(api.get("/api/orders/" + hpcOrder.get("id") + "/coverage-check", billing).map())
                    .containsEntry("verdict", "no-rule").containsEntry("askBilling", true);
            assertChronicGvhdTreatedByPhotopheresis(api, physician, orders);
            // the sickle cell patient's red cell exchange, with a calcium infusion: HbS and ionised calcium predicted
            Map<String, Object> rbcx = orders.stream().filter(o -> "D57.1".equals(((Map<?, ?>) o.get("indication"))
                    .get("code"))).findFirst().orElseThrow();
            assertThat(rbcx).containsEntry("status", "signed");
            Map<?, ?> predicted = (Map<?, ?>) ((Map<?, ?>) rbcx.get("plan")).get("predicted");
            assertThat(predicted.containsKey("hbs") && predicted.containsKey("ionizedCalcium")).as("%s", predicted)
                    .isTrue();
            // a planned fortnight: nothing still to come is booked on a Sunday the unit is closed, and the solver's
            // proposal for the next two weeks can be booked (no hard rule broken, every owed session placed)
            assertThat(all).filteredOn(x -> "scheduled".equals(x.get("status"))).extracting(x -> java.time.OffsetDateTime
                    .parse((String) x.get("plannedStart")).atZoneSameInstant(java.time.ZoneId.systemDefault())
                    .getDayOfWeek()).doesNotContain(java.time.DayOfWeek.SUNDAY);
            Map<String, Object> fortnight = api.post("/api/schedule/proposals", coordinator, Map.of("from",
                    LocalDate.now().toString(), "to", LocalDate.now().plusDays(13).toString(), "spentLimitSeconds", 10))
                    .map();
            assertThat(fortnight).as("%s", fortnight.get("explanation")).containsEntry("feasible", true);
            assertThat(fortnight.get("explanation")).asString().doesNotContain("hard");
            String admin = api.login("admin", Databases.ADMIN_PASSWORD);
            assertThat(api.get("/api/audit/verify", admin).map()).containsEntry("valid", true);
        }
    }

    /** The demo books machines as the scheduler would: no two sessions on one machine overlap. */
    private static void assertNoMachineIsBookedTwice(List<Map<String, Object>> sessions, Api api, String token) {
        record Slot(String machine, java.time.Instant start, java.time.Instant end) {
        }
        java.util.List<Slot> slots = new java.util.ArrayList<>();
        for (Map<String, Object> s : sessions) {
            Map<String, Object> record = api.get("/api/sessions/" + s.get("id") + "/record", token).map();
            Map<?, ?> plan = (Map<?, ?>) record.get("plan");
            java.time.Instant start = java.time.Instant.parse(String.valueOf(s.get("plannedStart")));
            slots.add(new Slot(String.valueOf(s.get("machine")), start, start.plus(
                    org.openapheresis.server.session.MachineBookings.occupies(((Number) plan.get("durationMin"))
                            .doubleValue()))));
        }
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                Slot a = slots.get(i);
                Slot b = slots.get(j);
                boolean overlap = a.machine().equals(b.machine()) && a.start().isBefore(b.end())
                        && b.start().isBefore(a.end());
                assertThat(overlap).as("%s and %s", a, b).isFalse();
            }
        }
    }

    /**
     * The patient after an allogeneic transplant: chronic GVHD moderate, then mild (improving), and a signed
     * photopheresis order whose indication names the moderate assessment.
     */
    @SuppressWarnings("unchecked")
    private static void assertChronicGvhdTreatedByPhotopheresis(Api api, String physician, List<Map<String, Object>> orders) {
        String patient = (String) api.get("/api/patients", physician).list().stream()
                .filter(p -> "MRN-106204".equals(p.get("mrn"))).findFirst().orElseThrow().get("id");
        Map<String, Object> chronic = api.get("/api/patients/" + patient + "/chronic-gvhd", physician).map();
        List<Map<String, Object>> assessments = (List<Map<String, Object>>) chronic.get("assessments");
        assertThat(assessments).extracting(a -> a.get("severity")).containsExactly("mild", "moderate");
        assertThat((Map<String, Object>) chronic.get("trend")).containsEntry("direction", "improving");
        Map<String, Object> ecp = orders.stream().filter(o -> patient.equals(o.get("patientId"))).findFirst().orElseThrow();
        assertThat(ecp).containsEntry("status", "signed");
        assertThat((Map<String, Object>) ecp.get("procedure")).containsEntry("type", "photopheresis");
        assertThat((Map<String, Object>) ecp.get("indication"))
                .containsEntry("chronicGvhdAssessmentId", assessments.get(1).get("id"));
    }
}
