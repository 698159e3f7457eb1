package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * An IVIG session completed through the real server (H2 and PostgreSQL) is charged by the code rules: the product's
 * J-code in 500 mg units of what was recorded as given, rounded up, and the infusion codes by its recorded time. The
 * server runs on a clock the test moves, so the infusion lasts as long as the test says.
 */
class IvigChargesTest {

    private static final Map<Databases.Kind, Unit> UNITS = new EnumMap<>(Databases.Kind.class);
    private static final Map<Databases.Kind, TestClock> CLOCKS = new EnumMap<>(Databases.Kind.class);

    static synchronized Unit unit(Databases.Kind kind) {
        return UNITS.computeIfAbsent(kind, k -> {
            // the next weekday's 09:00: the sessions start "now", inside the unit's opening hours whenever this runs
            TestClock clock = new TestClock(Instant.parse(Unit.at(1, "09:00")));
            CLOCKS.put(k, clock);
            Unit u = Unit.start(k, clock);
            Unit.expect(u.api.put("/api/price-list", u.token(Role.ADMIN), Map.of("entries", List.of(
                    BillingRoutesTest.price("J1459", 80.00, "2020-01-01"), BillingRoutesTest.price("J1569", 85.00,
                            "2020-01-01"), BillingRoutesTest.price("96365", 150.00, "2020-01-01"),
                    BillingRoutesTest.price("96366", 40.00, "2020-01-01")))), 200);
            return u;
        });
    }

    @AfterAll
    static void stop() {
        UNITS.values().forEach(Unit::close);
        UNITS.clear();
    }

    /** A signed one-day IVIG order of 0.4 g/kg of a 10 % product (25.6 g for the 64 kg patient); answers its id. */
    static String signedIvigOrder(Unit u, String patient, String product) {
        Map<String, Object> procedure = new LinkedHashMap<>(Map.of("type", "ivig-infusion", "doseGPerKg", 0.4, "days",
                1, "productPercent", 10));
        if (product != null) {
            procedure.put("product", product);
        }
        String dr = u.token(Role.PHYSICIAN);
        Api.Answer o = Unit.expect(u.api.post("/api/orders", dr, Map.of("patientId", patient, "indication",
                Map.of("code", "G61.81", "text", "CIDP, IVIG induction"), "procedure", procedure)), 201);
        Unit.expect(u.api.post("/api/orders/" + o.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(o)), 200);
        return o.id();
    }

    /**
     * Runs a session of the order (no machine): started now, {@code ivigMl} of IVIG recorded as given, completed
     * {@code minutes} later. Answers the session id.
     */
    static String infused(Databases.Kind kind, String order, double ivigMl, int minutes) {
        Unit u = unit(kind);
        TestClock clock = CLOCKS.get(kind);
        Api.Answer s = Unit.expect(u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", clock.instant().toString(), "nurse", "nurse1")), 201);
        Unit.expect(u.api.post("/api/sessions/" + s.id() + "/start", u.token(Role.NURSE),
                Unit.acknowledgingPlanWarnings(u.api, u.token(Role.NURSE), s.id())), 200);
        clock.advance(Duration.ofMinutes(minutes));
        Unit.expect(u.api.post("/api/sessions/" + s.id() + "/fluids", u.token(Role.NURSE), Map.of("time",
                clock.instant().minusSeconds(30).toString(), "fluid", "ivig", "volumeMl", ivigMl)), 201);
        Unit.expect(u.api.post("/api/sessions/" + s.id() + "/complete", u.token(Role.NURSE), ""), 200);
        clock.advance(Duration.ofMinutes(5));
        return s.id();
    }

    static List<String> coded(Unit u, String patient) {
        return BillingRoutesTest.items(Unit.expect(u.api.get("/api/charges?patientId=" + patient,
                u.token(Role.BILLING)), 200)).stream().map(i -> i.get("code") + " x" + i.get("units") + " "
                        + ((Number) i.get("amount")).doubleValue()).toList();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_completed_privigen_day_of_302_ml_over_151_min_is_charged_j1459_x61_96365_and_96366_x2(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("IVIG"));
        String order = signedIvigOrder(u, patient, "privigen");
        String session = infused(kind, order, 302, 151);
        // 302 mL x 100 mg/mL = 30,200 mg = 60.4 units of 500 mg: 61; 151 min = the first hour, one more, and 31 min
        assertThat(coded(u, patient)).containsExactlyInAnyOrder("J1459 x61 4880.0", "96365 x1 150.0", "96366 x2 80.0");
        Map<String, Object> drug = BillingRoutesTest.items(u.api.get("/api/charges?patientId=" + patient,
                u.token(Role.BILLING))).stream().filter(i -> "J1459".equals(i.get("code"))).findFirst().orElseThrow();
        assertThat(drug).containsEntry("sessionId", session).containsEntry("rule", "IVIG_PRIVIGEN")
                .containsEntry("codeSystem", "HCPCS").containsEntry("diagnosisCode", "G61.81");
        assertThat((String) drug.get("descriptor")).contains("Privigen").endsWith("500 mg");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_gammagard_liquid_day_stopped_early_at_45_min_codes_what_was_given_and_no_additional_hour(
            Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("IVIGSTOP"));
        String order = signedIvigOrder(u, patient, "gammagard-liquid");
        infused(kind, order, 100, 45); // 10 g of the 25.6 g planned
        assertThat(coded(u, patient)).containsExactlyInAnyOrder("J1569 x20 1700.0", "96365 x1 150.0");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void another_product_has_no_checked_code_so_only_the_infusion_is_charged_and_the_estimate_says_why(
            Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("IVIGOTHER"));
        String order = signedIvigOrder(u, patient, "other");
        @SuppressWarnings("unchecked")
        List<String> assumptions = (List<String>) Unit.expect(u.api.get("/api/orders/" + order + "/estimate",
                u.token(Role.BILLING)), 200).map().get("assumptions");
        assertThat(assumptions).contains("The IVIG product other has no checked HCPCS code in the unit's rule table: "
                + "the drug is not coded; billing codes it by hand.");
        infused(kind, order, 256, 91);
        assertThat(coded(u, patient)).containsExactlyInAnyOrder("96365 x1 150.0", "96366 x1 40.0");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void the_estimate_of_a_privigen_order_prices_the_planned_day_of_25_6_g_as_52_units(Databases.Kind kind) {
        Unit u = unit(kind);
        String patient = u.createPatient(Unit.mrn("IVIGEST"));
        String order = signedIvigOrder(u, patient, "privigen");
        Map<String, Object> e = Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.BILLING)),
                200).map();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) e.get("lines");
        assertThat(lines).extracting(l -> l.get("code") + " x" + l.get("unitsPerSession")).startsWith("J1459 x52", "96365 x1");
    }
}
