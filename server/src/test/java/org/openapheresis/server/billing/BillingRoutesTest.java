package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/** Billing through the real server on H2 and PostgreSQL: prices, charges from completed sessions, coverage, estimate. */
class BillingRoutesTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void stop() {
        UNITS.close();
    }

    /** 36514 at 1000.00 USD from 2020-01-01, set once per unit. */
    static Unit priced(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        Api.Answer list = Unit.expect(u.api.get("/api/price-list", u.token(Role.ADMIN)), 200);
        if (((List<?>) list.map().get("entries")).isEmpty()) {
            Unit.expect(u.api.put("/api/price-list", u.token(Role.ADMIN), Map.of("entries", List.of(price("36514",
                    1000.00, "2020-01-01")))), 200);
        }
        return u;
    }

    static Map<String, Object> price(String code, Object price, String from) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("price", price);
        e.put("currency", "USD");
        e.put("effectiveFrom", from);
        return e;
    }

    /** A completed plasma exchange of a new MS patient's signed order; answers {patient, order, session}. */
    static String[] completedExchange(Unit u) {
        String patient = u.createPatient(Unit.mrn("BILL"));
        String order = u.signedOrder(patient);
        String session = u.startedSession(order);
        Unit.expect(u.api.post("/api/sessions/" + session + "/complete", u.token(Role.NURSE), ""), 200);
        return new String[] {patient, order, session};
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Api.Answer a) {
        return (List<Map<String, Object>>) a.map().get("items");
    }

    static List<String> fields(Api.Answer a) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) a.map().get("problems");
        return problems == null ? List.of() : problems.stream().map(p -> (String) p.get("field")).toList();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_completed_plasma_exchange_is_charged_36514_at_the_listed_price_with_the_orders_diagnosis(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String[] r = completedExchange(u);
        Api.Answer a = Unit.expect(u.api.get("/api/charges?patientId=" + r[0], u.token(Role.BILLING)), 200);
        assertThat(items(a)).hasSize(1);
        Map<String, Object> item = items(a).get(0);
        assertThat(item).containsEntry("code", "36514").containsEntry("codeSystem", "CPT")
                .containsEntry("diagnosisCode", "G35.A").containsEntry("sessionId", r[2]).containsEntry("units", 1)
                .containsEntry("currency", "USD").containsEntry("rule", "TA_PLASMA").containsEntry("current", true);
        assertThat(((Number) item.get("amount")).doubleValue()).isEqualTo(1000.0);
        // billing sees codes and amounts, never the clinical record
        assertThat(item).doesNotContainKeys("plan", "labs", "runValues", "vitals");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_five_percent_albumin_recorded_as_given_is_charged_p9045_per_250_ml_container_and_plasma_is_not(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("ALB"));
        String session = u.startedSession(u.signedOrder(patient));
        String nurse = u.token(Role.NURSE);
        // two entries of 5 % albumin, 2,000 + 1,100 mL: 3,100 mL in 250 mL containers is 13 (12.4 rounded up)
        for (int ml : new int[] {2000, 1100}) {
            Unit.expect(u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time", Unit.now(), "fluid",
                    "albumin-5", "volumeMl", ml)), 201);
        }
        Unit.expect(u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time", Unit.now(), "fluid",
                "plasma", "volumeMl", 500)), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/complete", nurse, ""), 200);
        List<Map<String, Object>> items = items(Unit.expect(u.api.get("/api/charges?patientId=" + patient,
                u.token(Role.BILLING)), 200));
        assertThat(items).extracting(i -> i.get("code") + " x" + i.get("units") + " by " + i.get("rule"))
                .containsExactlyInAnyOrder("36514 x1 by TA_PLASMA", "P9045 x13 by ALBUMIN_5_SUPPLY");
        Map<String, Object> albumin = items.stream().filter(i -> "P9045".equals(i.get("code"))).findFirst()
                .orElseThrow();
        assertThat(albumin).containsEntry("codeSystem", "HCPCS").containsEntry("diagnosisCode", "G35.A");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void plasma_products_recorded_with_their_units_are_charged_by_the_unit_and_a_product_without_units_is_refused(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("FFP"));
        String session = u.startedSession(u.signedOrder(patient));
        String nurse = u.token(Role.NURSE);
        // a plasma product without its units is refused naming units; units on albumin are refused too
        Api.Answer noUnits = u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time", Unit.now(),
                "fluid", "plasma-ffp", "volumeMl", 1500));
        assertThat(noUnits.status()).isEqualTo(422);
        assertThat(noUnits.body()).contains("\"units\"").contains("billed by the unit");
        Api.Answer albuminUnits = u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time",
                Unit.now(), "fluid", "albumin-5", "volumeMl", 500, "units", 2));
        assertThat(albuminUnits.status()).isEqualTo(422);
        assertThat(albuminUnits.body()).contains("\"units\"");
        // two entries of FFP, 6 + 4 units, and 3 units of cryo-poor plasma
        for (int units : new int[] {6, 4}) {
            Api.Answer a = Unit.expect(u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time",
                    Unit.now(), "fluid", "plasma-ffp", "volumeMl", units * 250, "units", units)), 201);
            assertThat(a.map()).containsEntry("units", units);
        }
        Unit.expect(u.api.post("/api/sessions/" + session + "/fluids", nurse, Map.of("time", Unit.now(), "fluid",
                "plasma-cryo-poor", "volumeMl", 750, "units", 3)), 201);
        Unit.expect(u.api.post("/api/sessions/" + session + "/complete", nurse, ""), 200);
        List<Map<String, Object>> items = items(Unit.expect(u.api.get("/api/charges?patientId=" + patient,
                u.token(Role.BILLING)), 200));
        assertThat(items).extracting(i -> i.get("code") + " x" + i.get("units") + " by " + i.get("rule"))
                .containsExactlyInAnyOrder("36514 x1 by TA_PLASMA", "P9017 x10 by PLASMA_FFP_SUPPLY",
                        "P9044 x3 by PLASMA_CRYO_POOR_SUPPLY");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_assistance_screen_of_a_household_of_3_at_60000_takes_75_pct_off_the_uninsured_share_and_stores_nothing(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("ASSIST"));
        String order = u.signedOrder(patient);
        Api.Answer e = Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.COORDINATOR)), 200);
        BigDecimal share = new BigDecimal(String.valueOf(e.map().get("patientShare")));
        Api.Answer a = Unit.expect(u.api.post("/api/orders/" + order + "/assistance-screen", u.token(Role.COORDINATOR),
                Map.of("householdSize", 3, "annualIncome", 60000)), 200);
        assertThat(a.map()).containsEntry("policyYear", 2025).containsEntry("householdSize", 3);
        assertThat(((Number) a.map().get("povertyGuideline")).doubleValue()).isEqualTo(26650.0);
        assertThat(((Number) a.map().get("percentOfGuideline")).doubleValue()).isEqualTo(225.1);
        assertThat(((Number) a.map().get("discountPercent")).doubleValue()).isEqualTo(75.0);
        assertThat(new BigDecimal(String.valueOf(a.map().get("patientShareAfter"))))
                .isEqualByComparingTo(share.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP));
        // the screen is a calculation: a second estimate is unchanged
        assertThat(Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.COORDINATOR)), 200).map())
                .containsEntry("patientShare", e.map().get("patientShare"));
        Api.Answer bad = u.api.post("/api/orders/" + order + "/assistance-screen", u.token(Role.COORDINATOR),
                Map.of("householdSize", 0, "annualIncome", -5));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactlyInAnyOrder("householdSize", "annualIncome");
        Api.Answer missing = u.api.post("/api/orders/" + order + "/assistance-screen", u.token(Role.COORDINATOR),
                Map.of("householdSize", 2));
        assertThat(fields(missing)).containsExactly("annualIncome");
        assertThat(u.api.post("/api/orders/" + order + "/assistance-screen", u.token(Role.NURSE),
                Map.of("householdSize", 2, "annualIncome", 1000)).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_aborted_session_is_not_charged(Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("ABORT"));
        String session = u.startedSession(u.signedOrder(patient));
        Unit.expect(u.api.post("/api/sessions/" + session + "/abort", u.token(Role.NURSE),
                Map.of("reason", "vasovagal reaction")), 200);
        assertThat(items(u.api.get("/api/charges?patientId=" + patient, u.token(Role.BILLING)))).isEmpty();
        assertThat(u.api.post("/api/sessions/" + session + "/charges", u.token(Role.BILLING), "").status())
                .isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_correction_is_a_new_item_with_its_reason_and_the_corrected_item_is_kept_and_corrected_once(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String[] r = completedExchange(u);
        String billing = u.token(Role.BILLING);
        String id = (String) items(u.api.get("/api/charges?patientId=" + r[0], billing)).get(0).get("id");
        assertThat(u.api.post("/api/charges/" + id + "/corrections", u.token(Role.NURSE),
                Map.of("units", 0, "reason", "x")).status()).isEqualTo(403);
        Api.Answer c = Unit.expect(u.api.post("/api/charges/" + id + "/corrections", billing, Map.of("units", 1,
                "unitPrice", 850.50, "reason", "contracted rate for this payer")), 201);
        assertThat(c.map()).containsEntry("corrects", id).containsEntry("correctionReason",
                "contracted rate for this payer");
        assertThat(((Number) c.map().get("amount")).doubleValue()).isEqualTo(850.50);
        List<Map<String, Object>> all = items(u.api.get("/api/charges?patientId=" + r[0], billing));
        assertThat(all).hasSize(2);
        Map<String, Object> old = all.stream().filter(i -> i.get("id").equals(id)).findFirst().orElseThrow();
        assertThat(old).containsEntry("current", false).containsEntry("correctedBy", c.id());
        assertThat(((Number) old.get("amount")).doubleValue()).isEqualTo(1000.0);
        Api.Answer again = u.api.post("/api/charges/" + id + "/corrections", billing, Map.of("units", 0,
                "reason", "second try"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("CHARGE_ALREADY_CORRECTED");
        Api.Answer unknown = u.api.post("/api/charges/" + c.id() + "/corrections", billing, Map.of("units", 1,
                "code", "99999", "reason", "wrong code"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("code");
        String audit = u.api.get("/api/audit?patientId=" + r[0], u.token(Role.ADMIN)).body();
        assertThat(audit).contains("POST /api/charges/{id}/corrections");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_csv_export_has_a_line_per_item_of_the_period(Databases.Kind kind) {
        Unit u = priced(kind);
        String[] r = completedExchange(u);
        String today = java.time.LocalDate.now().toString();
        Api.Answer csv = Unit.expect(u.api.get("/api/charges/export?from=" + today + "&to=" + today,
                u.token(Role.BILLING)), 200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("serviceDate,patientId,sessionId,itemId,code,");
        assertThat(csv.body().lines().filter(l -> l.contains(r[2]))).singleElement().asString()
                .contains(",36514,CPT,").contains(",G35.A,1,1000.00,1000.00,USD,true,");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_new_price_closes_the_period_of_the_one_it_follows_and_both_stay(Databases.Kind kind) {
        Unit u = priced(kind);
        String admin = u.token(Role.ADMIN);
        Unit.expect(u.api.put("/api/price-list", admin, Map.of("entries", List.of(price("38207", 500, "2024-01-01")))),
                200);
        Api.Answer a = Unit.expect(u.api.put("/api/price-list", admin, Map.of("entries", List.of(price("38207", 550,
                "2025-07-01")))), 200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cryo = ((List<Map<String, Object>>) a.map().get("entries")).stream()
                .filter(e -> e.get("code").equals("38207")).toList();
        assertThat(cryo).hasSize(2);
        assertThat(cryo.get(0)).containsEntry("effectiveFrom", "2024-01-01").containsEntry("effectiveTo", "2025-06-30")
                .containsEntry("current", false);
        assertThat(cryo.get(1)).containsEntry("effectiveFrom", "2025-07-01").containsEntry("current", true);
        assertThat(((Number) cryo.get(0).get("price")).doubleValue()).isEqualTo(500.0);
        Api.Answer rewrite = u.api.put("/api/price-list", admin, Map.of("entries", List.of(price("38207", 1,
                "2025-07-01"))));
        assertThat(rewrite.status()).isEqualTo(422);
        assertThat(fields(rewrite)).containsExactly("entries[0].effectiveFrom");
        assertThat(u.api.put("/api/price-list", u.token(Role.BILLING), Map.of("entries", List.of(price("38207", 1,
                "2030-01-01")))).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_negative_price_an_unknown_code_and_a_period_ending_before_it_starts_are_422_naming_the_field(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String admin = u.token(Role.ADMIN);
        Map<String, Object> ends = price("38208", 10, "2026-05-01");
        ends.put("effectiveTo", "2026-04-30");
        Api.Answer a = u.api.put("/api/price-list", admin, Map.of("entries", List.of(price("38206", -1, "2026-01-01"),
                ends)));
        assertThat(a.status()).isEqualTo(422);
        assertThat(fields(a)).containsExactlyInAnyOrder("entries[0].price", "entries[1].effectiveTo");
        Api.Answer unknown = u.api.put("/api/price-list", admin, Map.of("entries", List.of(price("12345", 10,
                "2026-01-01"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("entries[0].code");
        Map<String, Object> euro = price("38206", 10, "2026-01-01");
        euro.put("currency", "EUR");
        assertThat(fields(u.api.put("/api/price-list", admin, Map.of("entries", List.of(euro)))))
                .containsExactly("entries[0].currency");
    }

    static Map<String, Object> coverage(Object deductible, Object deductibleMet, Object coinsurance, Object oopMax,
            Object oopMet) {
        int year = java.time.LocalDate.now().getYear();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer", "Example Health");
        m.put("plan", "Bronze HD");
        m.put("memberId", "EH-9");
        m.put("network", "in-network");
        m.put("planYearStart", year + "-01-01");
        m.put("planYearEnd", year + "-12-31");
        m.put("deductible", deductible);
        m.put("deductibleMet", deductibleMet);
        m.put("coinsurancePercent", coinsurance);
        m.put("copayPerVisit", 0);
        m.put("outOfPocketMax", oopMax);
        m.put("outOfPocketMet", oopMet);
        return m;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void coinsurance_above_100_a_plan_year_ending_before_it_starts_and_negative_amounts_are_422_naming_the_field(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("COV"));
        Map<String, Object> bad = coverage(-5, 0, 120, 3000, -1);
        bad.put("planYearEnd", java.time.LocalDate.now().getYear() - 1 + "-12-31");
        Api.Answer a = u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.COORDINATOR), bad);
        assertThat(a.status()).isEqualTo(422);
        assertThat(fields(a)).containsExactlyInAnyOrder("coinsurancePercent", "planYearEnd", "deductible",
                "outOfPocketMet");
        assertThat(u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.NURSE), coverage(0, 0, 20, 1, 0))
                .status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void five_exchanges_at_1000_with_1000_deductible_left_20pct_and_3000_oop_max_estimate_5000_charges_and_1800_share(
            Databases.Kind kind) {
        Unit u = priced(kind);
        String patient = u.createPatient(Unit.mrn("EST"));
        String order = u.signedOrder(patient);
        Api.Answer uninsured = Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.COORDINATOR)),
                200);
        assertThat(((Number) uninsured.map().get("totalCharges")).doubleValue()).isEqualTo(5000.0);
        assertThat(((Number) uninsured.map().get("patientShare")).doubleValue()).isEqualTo(5000.0);
        Unit.expect(u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.BILLING),
                coverage(1500, 500, 20, 3500, 500)), 201);
        Api.Answer e = Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.PHYSICIAN)), 200);
        assertThat(((Number) e.map().get("totalCharges")).doubleValue()).isEqualTo(5000.0);
        assertThat(((Number) e.map().get("patientShare")).doubleValue()).isEqualTo(1800.0);
        assertThat(e.map().get("lines").toString()).contains("36514");
        assertThat((List<?>) e.map().get("assumptions")).isNotEmpty();
        Api.Answer range = Unit.expect(u.api.get("/api/orders/" + order + "/estimate?sessionsLow=3&sessionsHigh=7",
                u.token(Role.COORDINATOR)), 200);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> r = (Map<String, Map<String, Object>>) range.map().get("range");
        // 3 x 1000: 1000 deductible + 20 % of 2000 = 1400; 7 x 1000: 1000 + 20 % of 6000 = 2200, within 3000 left
        assertThat(((Number) r.get("low").get("patientShare")).doubleValue()).isEqualTo(1400.0);
        assertThat(((Number) r.get("high").get("patientShare")).doubleValue()).isEqualTo(2200.0);
        assertThat(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.NURSE)).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_donor_giving_cells_for_another_person_pays_nothing_and_the_donors_coverage_is_not_asked(Databases.Kind kind) {
        Unit u = priced(kind);
        String donor = u.registeredPerson("ESTDONOR", "donor", 75);
        // the donor has a coverage of his own: it is not the one that pays for a donation to another person
        Unit.expect(u.api.post("/api/patients/" + donor + "/coverages", u.token(Role.BILLING),
                coverage(1500, 500, 20, 3500, 500)), 201);
        String session = u.completedCollection(donor, "hpc-collection", Map.of("cd34PerKg", 4e6), Map.of("weightKg", 60),
                Map.of("volumeMl", 200, "cd34PerUl", 1000));
        String order = (String) u.api.get("/api/sessions/" + session, u.token(Role.NURSE)).map().get("orderId");
        Map<String, Object> e = Unit.expect(u.api.get("/api/orders/" + order + "/estimate", u.token(Role.COORDINATOR)),
                200).map();
        assertThat(e).containsEntry("donationForAnother", true);
        assertThat(e.get("coverageId")).as("the donor's own coverage is not used").isNull();
        assertThat(((Number) e.get("patientShare")).doubleValue()).isZero();
        assertThat(e.get("assumptions").toString()).contains("the donor pays nothing").contains("recipient's coverage");
        Map<String, Object> check = Unit.expect(u.api.get("/api/orders/" + order + "/coverage-check",
                u.token(Role.PHYSICIAN)), 200).map();
        assertThat(check).containsEntry("verdict", "donation-for-another").containsEntry("askBilling", false);
        assertThat((String) check.get("summary")).contains("donor pays nothing").contains("recipient's coverage");

        // a patient collecting his own cells is estimated on his own coverage as before
        String patient = u.registeredPerson("ESTAUTO", "patient", 70);
        String own = u.completedCollection(patient, "hpc-collection", Map.of("cd34PerKg", 4e6), null,
                Map.of("volumeMl", 200, "cd34PerUl", 1000));
        String ownOrder = (String) u.api.get("/api/sessions/" + own, u.token(Role.NURSE)).map().get("orderId");
        assertThat(Unit.expect(u.api.get("/api/orders/" + ownOrder + "/estimate", u.token(Role.COORDINATOR)), 200).map())
                .containsEntry("donationForAnother", false);
        assertThat(Unit.expect(u.api.get("/api/orders/" + ownOrder + "/coverage-check", u.token(Role.PHYSICIAN)), 200)
                .map().get("verdict")).isNotEqualTo("donation-for-another");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_donors_collection_for_another_person_is_an_acquisition_charge_held_for_the_recipients_claim(
            Databases.Kind kind) {
        Unit u = priced(kind).withFacility();
        String donor = u.registeredPerson("ACQDONOR", "donor", 75);
        String recipient = u.registeredPerson("ACQRECIP", "patient", 60);
        String session = u.completedCollection(donor, "hpc-collection", Map.of("cd34PerKg", 4e6), Map.of("weightKg", 60),
                Map.of("volumeMl", 200, "cd34PerUl", 1000));
        String billing = u.token(Role.BILLING);
        Api.Answer before = Unit.expect(u.api.get("/api/charges?patientId=" + donor, billing), 200);
        Map<String, Object> item = items(before).stream().filter(i -> "38205".equals(i.get("code"))).findFirst()
                .orElseThrow();
        Map<String, Object> held = (Map<String, Object>) item.get("acquisition");
        assertThat(held).containsEntry("revenueCode", "0815").containsEntry("recipientId", null);
        assertThat((String) held.get("rule")).contains("never billed to the donor").contains("once the lab registers")
                .contains("donor registry");
        assertThat(before.map()).as("not on the donor's account").containsEntry("unpricedCurrentItems", 0);
        assertThat(items(Unit.expect(u.api.get("/api/charges?patientId=" + recipient, billing), 200))).isEmpty();

        // the lab registers the collection's product for its recipient: the charge is the recipient's from then on
        Unit.expect(u.api.post("/api/products", u.token(Role.LAB), Map.of("sessionId", session, "recipientId",
                recipient, "descriptionCode", "S1128", "expiresAt", java.time.Instant.now().plus(java.time.Duration
                        .ofDays(2)).toString(), "anticoagulant", "ACD-A")), 201);
        Map<String, Object> onDonor = items(Unit.expect(u.api.get("/api/charges?patientId=" + donor, billing), 200))
                .stream().filter(i -> "38205".equals(i.get("code"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) onDonor.get("acquisition")).containsEntry("recipientId", recipient);
        long donorReadsBefore = chargeReadsOf(u, donor);
        Api.Answer onRecipient = Unit.expect(u.api.get("/api/charges?patientId=" + recipient, billing), 200);
        assertThat(items(onRecipient)).extracting(i -> i.get("code"), i -> i.get("patientId"), i -> i.get("sessionId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("38205", donor, session));
        assertThat(onRecipient.map()).as("on the recipient's account").containsEntry("unpricedCurrentItems", 1);
        // the recipient's list shows the donor's charges: that read is in the donor's audit too
        assertThat(chargeReadsOf(u, donor)).isEqualTo(donorReadsBefore + 1);
        java.time.LocalDate today = java.time.LocalDate.now();
        String csv = Unit.expect(u.api.get("/api/charges/export?from=" + today.minusDays(3) + "&to=" + today.plusDays(3),
                billing), 200).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",correctionReason,acquisitionFor,revenueCode");
        assertThat(csv.lines().filter(l -> l.contains(session) && l.contains("38205"))).singleElement().asString()
                .endsWith("," + recipient + ",0815");

        // a patient's own collection is no acquisition charge
        String own = u.completedCollection(u.registeredPerson("ACQAUTO", "patient", 70), "hpc-collection",
                Map.of("cd34PerKg", 4e6), null, Map.of("volumeMl", 200, "cd34PerUl", 1000));
        assertThat(items(Unit.expect(u.api.get("/api/charges", billing), 200)).stream()
                .filter(i -> own.equals(i.get("sessionId")))).isNotEmpty().allMatch(i -> i.get("acquisition") == null);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void an_administrator_sets_the_assistance_policy_the_screen_uses_it_and_every_version_is_kept(
            Databases.Kind kind) {
        // a unit of its own: the other tests screen under the shipped policy
        try (Unit u = Unit.start(kind)) {
            Map<String, Object> shipped = Unit.expect(u.api.get("/api/assistance-policy", u.token(Role.BILLING)), 200)
                    .map();
            assertThat(shipped).containsEntry("shipped", true);
            assertThat((Map<String, Object>) shipped.get("policy")).containsEntry("year", 2025);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("year", 2026);
            body.put("guidelineFirstPerson", 15000);
            body.put("guidelinePerAdditionalPerson", 5000);
            body.put("tiers", List.of(Map.of("upToPercentOfGuideline", 200, "discountPercent", 100),
                    Map.of("upToPercentOfGuideline", 250, "discountPercent", 40)));
            body.put("source", "the test hospital's policy");
            assertThat(u.api.put("/api/assistance-policy", u.token(Role.BILLING), body).status())
                    .as("billing reads the policy, the administrator sets it").isEqualTo(403);
            Map<String, Object> bad = new LinkedHashMap<>(body);
            bad.put("year", 1900);
            bad.put("tiers", List.of(Map.of("upToPercentOfGuideline", 200, "discountPercent", 120),
                    Map.of("upToPercentOfGuideline", 150, "discountPercent", 40)));
            Api.Answer refused = u.api.put("/api/assistance-policy", u.token(Role.ADMIN), bad);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(fields(refused)).containsExactlyInAnyOrder("year", "tiers[0].discountPercent",
                    "tiers[1].upToPercentOfGuideline");
            Unit.expect(u.api.put("/api/assistance-policy", u.token(Role.ADMIN), body), 200);

            String order = u.signedOrder(u.createPatient(Unit.mrn("POLICY")));
            // 3 people at 45,000 are 180 % of the set guideline (25,000): 100 % off; at 60,000, 240 %: 40 % off
            Map<String, Object> low = Unit.expect(u.api.post("/api/orders/" + order + "/assistance-screen",
                    u.token(Role.COORDINATOR), Map.of("householdSize", 3, "annualIncome", 45000)), 200).map();
            assertThat(low).containsEntry("policyYear", 2026).containsEntry("policySource", "the test hospital's policy");
            assertThat(((Number) low.get("povertyGuideline")).doubleValue()).isEqualTo(25000.0);
            assertThat(((Number) low.get("discountPercent")).doubleValue()).isEqualTo(100.0);
            Map<String, Object> mid = Unit.expect(u.api.post("/api/orders/" + order + "/assistance-screen",
                    u.token(Role.COORDINATOR), Map.of("householdSize", 3, "annualIncome", 60000)), 200).map();
            assertThat(((Number) mid.get("discountPercent")).doubleValue()).isEqualTo(40.0);

            body.put("tiers", List.of(Map.of("upToPercentOfGuideline", 300, "discountPercent", 60)));
            Unit.expect(u.api.put("/api/assistance-policy", u.token(Role.ADMIN), body), 200);
            Map<String, Object> now = Unit.expect(u.api.get("/api/assistance-policy", u.token(Role.COORDINATOR)), 200)
                    .map();
            assertThat(now).containsEntry("shipped", false).containsEntry("setBy", "admin");
            assertThat((List<Object>) ((Map<String, Object>) now.get("policy")).get("tiers")).hasSize(1);
            assertThat((List<Map<String, Object>>) now.get("history")).singleElement()
                    .satisfies(h -> assertThat((List<Object>) h.get("tiers")).hasSize(2));
            assertThat(u.api.get("/api/audit", u.token(Role.ADMIN)).body()).contains("PUT /api/assistance-policy");
        }
    }

    /** How many audit entries naming the patient record a read of {@code GET /api/charges}. */
    private static long chargeReadsOf(Unit u, String patientId) {
        return Unit.expect(u.api.get("/api/audit?patientId=" + patientId, u.token(Role.ADMIN)), 200).list().stream()
                .filter(e -> "GET /api/charges".equals(e.get("action"))).count();
    }

    private static List<Api.Answer> atOnce(List<Callable<Api.Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Api.Answer> out = new ArrayList<>();
        for (Future<Api.Answer> f : pool.invokeAll(calls)) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Databases.Kind.class, names = "POSTGRESQL")
    void two_servers_completing_and_billing_one_session_at_once_bill_it_once(Databases.Kind kind) throws Exception {
        ServerConfig config = Databases.config(kind);
        try (Unit a = Unit.start(config, AccessPolicy.contract(), List.of());
                OpenApheresisServer other = OpenApheresisServer.start(config.withAdminPassword("unused-other-password"),
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                                java.nio.charset.StandardCharsets.UTF_8))) {
            Api b = new Api(other.port());
            Unit.expect(a.api.put("/api/price-list", a.token(Role.ADMIN), Map.of("entries", List.of(price("36514",
                    1000, "2020-01-01")))), 200);
            String patient = a.createPatient(Unit.mrn("RACE"));
            String session = a.startedSession(a.signedOrder(patient));
            List<Api.Answer> completes = atOnce(List.of(
                    () -> a.api.post("/api/sessions/" + session + "/complete", a.token(Role.NURSE), ""),
                    () -> b.post("/api/sessions/" + session + "/complete", a.token(Role.NURSE), "")));
            assertThat(completes.stream().map(Api.Answer::status).toList()).containsOnlyOnce(200);
            List<Api.Answer> bills = atOnce(List.of(
                    () -> a.api.post("/api/sessions/" + session + "/charges", a.token(Role.BILLING), ""),
                    () -> b.post("/api/sessions/" + session + "/charges", a.token(Role.BILLING), ""),
                    () -> a.api.post("/api/sessions/" + session + "/charges", a.token(Role.BILLING), ""),
                    () -> b.post("/api/sessions/" + session + "/charges", a.token(Role.BILLING), "")));
            assertThat(bills).allSatisfy(x -> assertThat(x.status()).isEqualTo(200));
            assertThat(bills.stream().map(x -> items(x).get(0).get("id")).distinct()).hasSize(1);
            assertThat(items(a.api.get("/api/charges?patientId=" + patient, a.token(Role.BILLING)))).hasSize(1);
        }
    }
}
