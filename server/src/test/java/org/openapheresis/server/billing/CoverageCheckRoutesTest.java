package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * The coverage check of an order through the real server on H2 and PostgreSQL: the MS relapse (ASFA category II)
 * of a patient whose commercial plan's prior authorisation holds for the course, the same course without one, no
 * coverage, a coverage without its payer kind, roles and the audit.
 */
class CoverageCheckRoutesTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void stop() {
        UNITS.close();
    }

    /** A commercial coverage of this year, with a prior authorisation from {@code from} to {@code to} if given. */
    static Map<String, Object> commercial(String from, String to) {
        Map<String, Object> m = BillingRoutesTest.coverage(1000, 0, 20, 3000, 0);
        m.put("payerKind", "commercial");
        if (from != null) {
            m.put("priorAuthorization", Map.of("number", "PA-2026-17", "validFrom", from, "validTo", to));
        }
        return m;
    }

    /** An unsigned order of the MS relapse (five exchanges every 48 h, none booked) for a new patient. */
    static String[] unsignedOrder(Unit u) {
        String patient = u.createPatient(Unit.mrn("COVCHECK"));
        Api.Answer o = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), Unit.plasmaExchangeOrder(patient)),
                201);
        return new String[] {patient, o.id()};
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Api.Answer a, String key) {
        return (Map<String, Object>) a.map().get(key);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_category_ii_ms_relapse_on_a_commercial_plan_is_covered_with_the_authorisation_holding_for_the_course(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String[] r = unsignedOrder(u);
        LocalDate today = LocalDate.now();
        // five sessions every 48 h from today: today to today + 8 days; the authorisation runs to today + 30
        Unit.expect(u.api.post("/api/patients/" + r[0] + "/coverages", u.token(Role.COORDINATOR),
                commercial(today.minusDays(1).toString(), today.plusDays(30).toString())), 201);
        Api.Answer a = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.PHYSICIAN)), 200);
        assertThat(a.map()).containsEntry("verdict", "covered").containsEntry("icd10", "G35.A")
                .containsEntry("priorAuthorizationNeeded", "required").containsEntry("askBilling", false);
        assertThat(part(a, "guideline")).containsEntry("row", "ms-relapse").containsEntry("category", "II");
        assertThat(part(a, "rule")).containsEntry("id", "UNIT_COMMERCIAL_CATEGORY_II").containsEntry("basis", "UNIT RULE")
                .containsEntry("status", "EXAMPLE");
        assertThat(part(a, "priorAuthorization")).containsEntry("status", "valid-for-course")
                .containsEntry("number", "PA-2026-17");
        assertThat(part(a, "course")).containsEntry("firstDay", today.toString())
                .containsEntry("lastDay", today.plusDays(8).toString()).containsEntry("sessions", 5);
        assertThat(part(a, "coverage")).containsEntry("payerKind", "commercial");
        assertThat((String) a.map().get("summary")).contains("PA-2026-17 holds for the course");
        // billing reads it too (codes and terms); a nurse does not
        assertThat(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.BILLING)).status()).isEqualTo(200);
        assertThat(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.NURSE)).status()).isEqualTo(403);
        assertThat(a.map()).doesNotContainKeys("plan", "labs", "warnings");
        String audit = u.api.get("/api/audit?patientId=" + r[0], u.token(Role.ADMIN)).body();
        assertThat(audit).contains("GET /api/orders/{id}/coverage-check");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_coverage_of_every_payer_kind_the_rules_know_is_recorded_and_read_back(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("PAYERKIND"));
        for (PayerKind k : PayerKind.values()) {
            Map<String, Object> c = BillingRoutesTest.coverage(1000, 0, 20, 3000, 0);
            c.put("payerKind", k.code());
            Unit.expect(u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.BILLING), c), 201);
        }
        assertThat(Unit.expect(u.api.get("/api/patients/" + patient + "/coverages", u.token(Role.BILLING)), 200).list())
                .extracting(c -> c.get("payerKind")).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                        PayerKind.values()).map(PayerKind::code).toList());
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_authorisation_ending_before_the_course_ends_does_not_hold_and_none_at_all_is_named(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String[] r = unsignedOrder(u);
        LocalDate today = LocalDate.now();
        Unit.expect(u.api.post("/api/patients/" + r[0] + "/coverages", u.token(Role.BILLING),
                commercial(today.toString(), today.plusDays(3).toString())), 201);
        Api.Answer a = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.COORDINATOR)),
                200);
        assertThat(part(a, "priorAuthorization")).containsEntry("status", "not-valid-for-course");
        assertThat((String) a.map().get("summary")).contains("does not hold on every day of the course");
        String[] other = unsignedOrder(u);
        Unit.expect(u.api.post("/api/patients/" + other[0] + "/coverages", u.token(Role.BILLING), commercial(null, null)),
                201);
        Api.Answer none = Unit.expect(u.api.get("/api/orders/" + other[1] + "/coverage-check",
                u.token(Role.PHYSICIAN)), 200);
        assertThat(part(none, "priorAuthorization")).containsEntry("status", "none");
        assertThat((String) none.map().get("summary")).contains("prior authorisation needed and none is recorded");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void no_coverage_is_self_pay_and_a_coverage_without_its_payer_kind_is_no_rule_ask_billing(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String[] r = unsignedOrder(u);
        Api.Answer none = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.PHYSICIAN)),
                200);
        assertThat(none.map()).containsEntry("verdict", "no-coverage").containsEntry("coverage", null);
        Map<String, Object> noKind = BillingRoutesTest.coverage(1000, 0, 20, 3000, 0);
        Unit.expect(u.api.post("/api/patients/" + r[0] + "/coverages", u.token(Role.BILLING), noKind), 201);
        Api.Answer a = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.PHYSICIAN)), 200);
        assertThat(a.map()).containsEntry("verdict", "no-rule").containsEntry("askBilling", true)
                .containsEntry("rule", null);
        assertThat((String) a.map().get("summary")).startsWith("No rule — ask billing");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_unknown_payer_kind_is_422_naming_the_field_and_the_kind_is_answered_with_the_coverage(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("KIND"));
        Map<String, Object> bad = BillingRoutesTest.coverage(1000, 0, 20, 3000, 0);
        bad.put("payerKind", "insurer");
        Api.Answer a = u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.BILLING), bad);
        assertThat(a.status()).isEqualTo(422);
        assertThat(BillingRoutesTest.fields(a)).containsExactly("payerKind");
        Unit.expect(u.api.post("/api/patients/" + patient + "/coverages", u.token(Role.BILLING), commercial(null, null)),
                201);
        List<Map<String, Object>> list = Unit.expect(u.api.get("/api/patients/" + patient + "/coverages",
                u.token(Role.BILLING)), 200).list();
        assertThat(list).singleElement().satisfies(c -> assertThat(c).containsEntry("payerKind", "commercial"));
        assertThat(u.api.get("/api/orders/00000000-0000-0000-0000-000000000000/coverage-check",
                u.token(Role.PHYSICIAN)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_course_running_into_the_next_plan_year_is_checked_against_that_years_coverage_and_authorisation(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String[] r = unsignedOrder(u);
        LocalDate today = LocalDate.now();
        // the course runs today to today + 8; the plan year ends today + 3 and the next begins the day after
        Map<String, Object> first = commercial(today.minusDays(1).toString(), today.plusDays(3).toString());
        first.put("planYearStart", today.minusDays(200).toString());
        first.put("planYearEnd", today.plusDays(3).toString());
        Map<String, Object> next = commercial(null, null);
        next.put("planYearStart", today.plusDays(4).toString());
        next.put("planYearEnd", today.plusDays(368).toString());
        next.put("priorAuthorization", Map.of("number", "PA-NEXT", "validFrom", today.plusDays(4).toString(),
                "validTo", today.plusDays(60).toString()));
        Unit.expect(u.api.post("/api/patients/" + r[0] + "/coverages", u.token(Role.COORDINATOR), first), 201);
        Api.Answer without = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check",
                u.token(Role.PHYSICIAN)), 200);
        assertThat(without.map().get("nextPlanYearCoverage")).isNull();
        assertThat(part(without, "priorAuthorization")).containsEntry("status", "not-valid-for-course");
        assertThat(without.body()).contains("No coverage is recorded for " + today.plusDays(8));

        Unit.expect(u.api.post("/api/patients/" + r[0] + "/coverages", u.token(Role.COORDINATOR), next), 201);
        Api.Answer a = Unit.expect(u.api.get("/api/orders/" + r[1] + "/coverage-check", u.token(Role.PHYSICIAN)), 200);
        assertThat(part(a, "coverage")).containsEntry("planYearEnd", today.plusDays(3).toString());
        assertThat(part(a, "nextPlanYearCoverage")).containsEntry("planYearStart", today.plusDays(4).toString())
                .containsEntry("payerKind", "commercial");
        assertThat(part(a, "priorAuthorization")).containsEntry("status", "valid-for-course")
                .containsEntry("number", "PA-2026-17").containsKey("nextPlanYear");
        assertThat((String) a.map().get("summary")).contains("PA-2026-17 and PA-NEXT hold for the course");
        assertThat(a.map()).containsEntry("askBilling", false);
    }
}
