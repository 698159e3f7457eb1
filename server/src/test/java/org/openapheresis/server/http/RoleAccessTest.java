package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * Every route of the table, called by every role and by nobody: 401 without credentials, 403 for a role the
 * contract's table does not allow, and anything but 401/403 for a role it allows.
 */
class RoleAccessTest {

    private static Unit unit;
    private static String patientId;
    private static String orderId;
    private static String sessionId;
    private static String productId;
    private static String machineId;
    /** A storage unit, so its position map reads 200. */
    private static String storageUnitId;
    /** A lymphocyte collection order with a DLI schedule, so the order's schedule reads 200. */
    private static String dliOrderId;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        patientId = unit.createPatient("MRN-ROLES-1");
        orderId = unit.signedOrder(patientId);
        sessionId = unit.startedSession(orderId);
        productId = unit.quarantinedProduct();
        String machine = unit.freshMachine();
        machineId = unit.api.get("/api/machines", unit.token(Role.NURSE)).list().stream()
                .filter(m -> machine.equals(m.get("name"))).findFirst().orElseThrow().get("id").toString();
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) Unit.expect(unit.api.post("/api/storage-units",
                unit.token(Role.LAB), Map.of("name", "ROLES-LN2", "kind", "ln2", "lowestC", -196, "highestC", -150)),
                201).map().get("unit");
        storageUnitId = (String) stored.get("id");
        String donor = unit.registeredPerson("ROLES-DLI-DONOR", "donor", 75);
        String recipient = unit.registeredPerson("ROLES-DLI-RECIPIENT", "patient", 60);
        String collection = unit.completedCollection(donor, "lymphocyte-collection", Map.of("cd3PerKgDoses",
                List.of(1e6)), Map.of("weightKg", 60), Map.of("volumeMl", 150, "cd3PerUl", 20000, "wbcE9PerL", 40));
        dliOrderId = (String) unit.api.get("/api/sessions/" + collection, unit.token(Role.NURSE)).map().get("orderId");
        Unit.expect(unit.api.post("/api/orders/" + dliOrderId + "/dli-schedule", unit.token(Role.PHYSICIAN), Map.of(
                "recipientId", recipient, "firstDoseOn", java.time.LocalDate.now().toString(), "doses",
                List.of(Map.of()))), 201);
    }

    /** The path with real ids, so an allowed read answers 200. */
    private static String real(String path) {
        if (path.equals("/api/order-sets")) { // a query the route requires: a row of the indications table
            return path + "?row=" + org.openapheresis.server.guideline.Guidelines.load().rows().get(0).id();
        }
        if (path.equals("/api/orders/{id}/dli-schedule")) { // a plasma exchange order has none: 404
            return path.replace("{id}", dliOrderId);
        }
        String id = path.startsWith("/api/patients/") ? patientId : path.startsWith("/api/orders/") ? orderId
                : path.startsWith("/api/products/") ? productId : path.startsWith("/api/machines/") ? machineId
                : path.startsWith("/api/storage-units/") ? storageUnitId : sessionId;
        return path.replaceAll("\\{[a-zA-Z]+}", id);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[a-zA-Z]+}", "00000000-0000-0000-0000-000000000000");
    }

    @Test
    void every_read_route_answers_200_to_the_roles_the_table_allows_and_403_to_the_others() {
        AccessPolicy policy = AccessPolicy.contract();
        List<String> wrong = new ArrayList<>();
        for (Route r : unit.server.routes()) {
            if (r.changesState() || r.permission() == Permission.PUBLIC) {
                continue;
            }
            for (Role role : Role.values()) {
                Api.Answer a = unit.api.get(real(r.path()), unit.token(role));
                int expected = policy.roles(r.permission()).contains(role) ? 200 : 403;
                if (a.status() != expected) {
                    wrong.add(r.signature() + " as " + role + " gave " + a.status() + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_route_answers_each_role_as_the_contract_table_says() {
        AccessPolicy policy = AccessPolicy.contract();
        List<String> wrong = new ArrayList<>();
        for (Route r : unit.server.routes()) {
            if (r.permission() == Permission.PUBLIC || r.path().equals("/api/logout")) {
                continue;
            }
            String body = r.changesState() ? "{}" : null;
            for (Role role : Role.values()) {
                Api.Answer a = unit.api.send(r.method().name(), concrete(r.path()), unit.token(role), body, Map.of());
                boolean allowed = policy.roles(r.permission()).contains(role);
                boolean ok = allowed ? a.status() != 401 && a.status() != 403 && a.status() < 500 : a.status() == 403;
                if (!ok) {
                    wrong.add(r.signature() + " as " + role + " gave " + a.status() + " " + a.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_route_but_the_public_ones_answers_401_without_credentials() {
        List<String> wrong = new ArrayList<>();
        for (Route r : unit.server.routes()) {
            if (r.permission() == Permission.PUBLIC) {
                continue;
            }
            Api.Answer a = unit.api.send(r.method().name(), concrete(r.path()), null, r.changesState() ? "{}" : null,
                    Map.of());
            if (a.status() != 401) {
                wrong.add(r.signature() + " gave " + a.status());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_bad_token_is_401_like_no_token() {
        assertThat(unit.api.get("/api/patients", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void the_contract_table_rows_match_the_policy() {
        AccessPolicy p = AccessPolicy.contract();
        assertThat(p.roles(Permission.USERS_MANAGE)).containsExactly(Role.ADMIN);
        assertThat(p.roles(Permission.USERS_PASSWORD_RESET)).containsExactly(Role.ADMIN);
        assertThat(p.roles(Permission.USERS_SESSIONS_END)).containsExactly(Role.ADMIN);
        assertThat(p.roles(Permission.OWN_PASSWORD)).containsExactlyInAnyOrder(Role.values());
        assertThat(p.roles(Permission.AUDIT_READ)).containsExactly(Role.ADMIN);
        assertThat(p.roles(Permission.PLANS)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE, Role.LAB,
                Role.COORDINATOR);
        assertThat(p.roles(Permission.PATIENTS_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE, Role.LAB,
                Role.COORDINATOR, Role.BILLING);
        assertThat(p.roles(Permission.PATIENTS_WRITE)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE,
                Role.COORDINATOR);
        assertThat(p.roles(Permission.ORDERS_CREATE)).containsExactly(Role.PHYSICIAN);
        assertThat(p.roles(Permission.ORDERS_SIGN)).containsExactly(Role.PHYSICIAN);
        assertThat(p.roles(Permission.SESSIONS_SCHEDULE)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE,
                Role.COORDINATOR);
        assertThat(p.roles(Permission.SESSIONS_RECORD)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE);
        assertThat(p.roles(Permission.SESSIONS_CLINICAL_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE,
                Role.LAB);
        assertThat(p.roles(Permission.PRODUCTS_RECORD)).containsExactly(Role.LAB);
        assertThat(p.roles(Permission.PRODUCTS_INFUSE)).containsExactlyInAnyOrder(Role.NURSE, Role.PHYSICIAN);
        assertThat(p.roles(Permission.PRODUCTS_READ)).doesNotContain(Role.BILLING, Role.ADMIN);
        assertThat(p.roles(Permission.FOLLOWUP_RECORD)).containsExactly(Role.PHYSICIAN);
        assertThat(p.roles(Permission.FOLLOWUP_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE,
                Role.COORDINATOR);
        assertThat(p.roles(Permission.DLI_SCHEDULE_ORDER)).containsExactly(Role.PHYSICIAN);
        assertThat(p.roles(Permission.DLI_SCHEDULE_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.NURSE, Role.LAB,
                Role.COORDINATOR);
        assertThat(p.roles(Permission.CHARGES_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.COORDINATOR,
                Role.BILLING);
        assertThat(p.roles(Permission.CHARGES_CORRECT)).containsExactly(Role.BILLING);
        assertThat(p.roles(Permission.COVERAGE_WRITE)).containsExactlyInAnyOrder(Role.COORDINATOR, Role.BILLING);
        assertThat(p.roles(Permission.COVERAGE_CHECK_READ)).containsExactlyInAnyOrder(Role.PHYSICIAN, Role.COORDINATOR,
                Role.BILLING);
        assertThat(p.roles(Permission.PRICE_LIST_READ)).containsExactlyInAnyOrder(Role.ADMIN, Role.PHYSICIAN,
                Role.COORDINATOR, Role.BILLING);
        assertThat(p.roles(Permission.PRICE_LIST_EDIT)).containsExactly(Role.ADMIN);
    }

    @Test
    void a_route_whose_permission_has_no_row_in_the_policy_is_closed_to_every_role() {
        Route unmapped = Route.get("/api/unmapped", Permission.CHARGES_READ, "test route",
                call -> call.answer(Map.of("reached", true)));
        try (Unit closed = Unit.start(Databases.config(Databases.Kind.H2),
                AccessPolicy.contract().without(Permission.CHARGES_READ).without(Permission.PLANS), List.of(unmapped))) {
            for (Role role : Role.values()) {
                assertThat(closed.api.get("/api/unmapped", closed.token(role)).status()).as(role.code()).isEqualTo(403);
                assertThat(closed.api.post("/api/plans", closed.token(role), "{}").status()).as(role.code())
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void a_path_outside_the_table_is_404_as_json() {
        Api.Answer a = unit.api.get("/api/not-a-route", unit.token(Role.ADMIN));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.map()).containsEntry("status", 404);
    }

    @Test
    void billing_reads_demographics_and_coverage_only() {
        String id = unit.createPatient("MRN-BILL-1");
        Map<String, Object> seen = unit.api.get("/api/patients/" + id, unit.token(Role.BILLING)).map();
        assertThat(seen).containsKeys("mrn", "givenName", "familyName", "birthDate", "sex", "coverage")
                .doesNotContainKeys("labs", "allergies", "medications", "aceInhibitor", "weightKg");
        Map<String, Object> nurse = unit.api.get("/api/patients/" + id, unit.token(Role.NURSE)).map();
        assertThat(nurse).containsKeys("labs", "allergies", "medications");
    }

    @Test
    void a_cookie_authenticated_change_needs_the_csrf_header() {
        Api.Answer login = unit.api.post("/api/login", null, Map.of("username", "nurse1", "password",
                Unit.STAFF_PASSWORD));
        String cookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        String csrf = (String) login.map().get("csrfToken");
        String body = org.openapheresis.server.json.Json.write(Unit.msRelapsePatient("MRN-CSRF-1"));
        Api.Answer without = unit.api.send("POST", "/api/patients", null, body, Map.of("Cookie", session));
        assertThat(without.status()).isEqualTo(403);
        Api.Answer with = unit.api.send("POST", "/api/patients", null, body, Map.of("Cookie", session,
                "X-CSRF-Token", csrf));
        assertThat(with.status()).isEqualTo(201);
        assertThat(unit.api.send("GET", "/api/patients", null, null, Map.of("Cookie", session)).status())
                .isEqualTo(200);
    }

    @Test
    void logout_ends_the_session() {
        String token = unit.api.login("coordinator1", Unit.STAFF_PASSWORD);
        assertThat(unit.api.get("/api/me", token).status()).isEqualTo(200);
        assertThat(unit.api.post("/api/logout", token, "").status()).isEqualTo(200);
        assertThat(unit.api.get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    void wrong_credentials_are_401_without_saying_which_part_was_wrong_and_repeated_failures_are_slowed() {
        Api.Answer unknownUser = unit.api.post("/api/login", null, Map.of("username", "nobody", "password", "x"));
        Api.Answer wrongPassword = unit.api.post("/api/login", null, Map.of("username", "lab1", "password", "x"));
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.map().get("title")).isEqualTo(wrongPassword.map().get("title"));
        for (int i = 0; i < 5; i++) {
            unit.api.post("/api/login", null, Map.of("username", "lab1", "password", "wrong" + i));
        }
        Api.Answer throttled = unit.api.post("/api/login", null, Map.of("username", "lab1", "password",
                Unit.STAFF_PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
        List<Map<String, Object>> audit = unit.api.get("/api/audit", unit.token(Role.ADMIN)).list();
        assertThat(audit).extracting(e -> e.get("username") + " " + e.get("outcome"))
                .contains("login:lab1 401", "login:lab1 429");
    }
}
