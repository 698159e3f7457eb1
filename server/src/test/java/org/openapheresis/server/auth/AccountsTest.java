package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.SettingRefused;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * Accounts on both databases: one password policy at creation, change and reset, passwords kept exactly as typed,
 * a user's own password change, an administrator's edit, deactivation, reset and sign-out, and the rules that
 * keep the unit with an active administrator.
 */
class AccountsTest {

    private static final Map<Databases.Kind, Unit> UNITS = new EnumMap<>(Databases.Kind.class);
    private static final Map<Databases.Kind, TestClock> CLOCKS = new EnumMap<>(Databases.Kind.class);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String GOOD = "amber ferry quartz 58";
    private static final String OTHER = "lantern oboe tidal 91";

    /**
     * The unit of the kind, an hour later than for the test before: the failed logins one test provokes from this
     * address are forgotten by the next (the administrator signs in again, as the hours add up).
     */
    static synchronized Unit unit(Databases.Kind kind) {
        Unit u = UNITS.computeIfAbsent(kind, k -> {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T07:00:00Z"));
            CLOCKS.put(k, clock);
            return Unit.start(k, clock);
        });
        CLOCKS.get(kind).advance(Duration.ofMinutes(61));
        u.tokens.put(Role.ADMIN, u.api.login("admin", Databases.ADMIN_PASSWORD));
        return u;
    }

    @AfterAll
    static void stop() {
        UNITS.values().forEach(Unit::close);
        UNITS.clear();
    }

    private static String admin(Unit u) {
        return u.token(Role.ADMIN);
    }

    /** A new account of the role with password {@link #GOOD}; answers its id. */
    private static String newUser(Unit u, String username, Role role) {
        return Unit.expect(u.api.post("/api/users", admin(u), Map.of("username", username, "password", GOOD,
                "role", role.code(), "displayName", "Test " + username)), 201).id();
    }

    private static String name(String what) {
        return what + "." + SEQ.incrementAndGet();
    }

    private static Api.Answer login(Unit u, String username, String password) {
        return u.api.post("/api/login", null, Map.of("username", username, "password", password));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Api.Answer a) {
        return (List<Map<String, Object>>) a.map().get("problems");
    }

    private static Api.Answer delete(Unit u, String path, String token) {
        return u.api.send("DELETE", path, token, null, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void creating_an_account_applies_the_password_policy_and_each_refusal_is_a_422_naming_password(
            Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("nurse");
        Map<String, String> refused = Map.of(
                "short-pw-7", "PASSWORD_TOO_SHORT",
                "Password2026!", "PASSWORD_TOO_COMMON",
                username + "2026", "PASSWORD_IS_USER_NAME",
                "amber ferry quartz ".repeat(4), "PASSWORD_TOO_LONG");
        refused.forEach((password, key) -> {
            Api.Answer a = u.api.post("/api/users", admin(u), Map.of("username", username, "password", password,
                    "role", "nurse", "displayName", "N"));
            assertThat(a.status()).as(password).isEqualTo(422);
            assertThat(problems(a)).as(password).anySatisfy(p -> {
                assertThat(p).containsEntry("field", "password").containsEntry("key", key).doesNotContainKey("value");
            });
            assertThat(a.body()).as("the password is not echoed").doesNotContain(password.strip());
        });
        assertThat(u.api.post("/api/users", admin(u), Map.of("username", username, "password", GOOD, "role", "nurse",
                "displayName", "N")).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_password_is_kept_and_checked_exactly_as_typed_never_trimmed(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("lab");
        String spaced = "  " + GOOD + "  ";
        Unit.expect(u.api.post("/api/users", admin(u), Map.of("username", username, "password", spaced, "role",
                "lab", "displayName", "L")), 201);
        assertThat(login(u, username, GOOD).status()).as("trimmed").isEqualTo(401);
        assertThat(login(u, username, spaced).status()).as("as typed").isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_user_changes_their_own_password_and_their_other_sessions_end(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("nurse");
        newUser(u, username, Role.NURSE);
        String here = u.api.login(username, GOOD);
        String elsewhere = u.api.login(username, GOOD);

        Api.Answer wrong = u.api.post("/api/me/password", here, Map.of("currentPassword", OTHER, "newPassword",
                OTHER));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(problems(wrong)).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("field", "currentPassword").containsEntry("key", "PASSWORD_WRONG"));
        Api.Answer weak = u.api.post("/api/me/password", here, Map.of("currentPassword", GOOD, "newPassword",
                "qwertyuiop12"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(problems(weak)).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("field", "newPassword").containsEntry("key", "PASSWORD_TOO_COMMON"));

        Api.Answer changed = u.api.post("/api/me/password", here, Map.of("currentPassword", GOOD, "newPassword",
                OTHER));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map()).containsEntry("passwordChanged", true).containsEntry("otherSessionsEnded", 1);
        assertThat(u.api.get("/api/me", here).status()).as("the session that changed it").isEqualTo(200);
        assertThat(u.api.get("/api/me", elsewhere).status()).as("the other session").isEqualTo(401);
        assertThat(login(u, username, GOOD).status()).isEqualTo(401);
        assertThat(login(u, username, OTHER).status()).isEqualTo(200);
        assertThat(u.server.services().audit().entries(java.util.Optional.empty(), java.util.Optional.empty(), 1000))
                .filteredOn(e -> e.action().equals("POST /api/me/password") && e.username().equals(username))
                .extracting(e -> e.outcome()).containsExactlyInAnyOrder("422", "422", "success");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void wrong_current_passwords_count_against_the_account_as_failed_logins_do(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("coord");
        newUser(u, username, Role.COORDINATOR);
        String token = u.api.login(username, GOOD);
        for (int i = 0; i < AuthService.FREE_FAILURES; i++) {
            assertThat(u.api.post("/api/me/password", token, Map.of("currentPassword", "guess number " + i,
                    "newPassword", OTHER)).status()).isEqualTo(422);
        }
        Api.Answer waits = u.api.post("/api/me/password", token, Map.of("currentPassword", GOOD, "newPassword",
                OTHER));
        assertThat(waits.status()).isEqualTo(429);
        assertThat(waits.map()).containsEntry("key", "LOGIN_THROTTLED").containsKey("retryAfterSeconds");
        assertThat(waits.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(login(u, username, GOOD).status()).as("the same counter as the login's").isEqualTo(429);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_admin_edits_an_account_under_its_version(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("lab");
        String id = newUser(u, username, Role.LAB);
        String token = u.api.login(username, GOOD);
        Api.Answer edited = u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "Jonas Fischer",
                "role", "physician", "active", true, "version", 1));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.map()).containsEntry("displayName", "Jonas Fischer").containsEntry("role", "physician")
                .containsEntry("version", 2);
        assertThat(u.api.get("/api/me", token).map()).as("the new role holds at once").containsEntry("role",
                "physician");
        Api.Answer stale = u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "J", "role", "lab",
                "active", true, "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map()).containsEntry("key", "STALE_VERSION").containsEntry("currentVersion", 2);
        assertThat(u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "J", "role", "surgeon",
                "active", true, "version", 2)).status()).isEqualTo(422);
        assertThat(u.api.put("/api/users/00000000-0000-0000-0000-000000000000", admin(u), Map.of("displayName", "J",
                "role", "lab", "active", true, "version", 1)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void deactivating_a_user_ends_their_open_session_and_refuses_their_login_until_reactivated(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("nurse");
        String id = newUser(u, username, Role.NURSE);
        String token = u.api.login(username, GOOD);
        Unit.expect(u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "N", "role", "nurse",
                "active", false, "version", 1)), 200);
        assertThat(u.api.get("/api/me", token).status()).isEqualTo(401);
        assertThat(login(u, username, GOOD).status()).isEqualTo(401);
        Unit.expect(u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "N", "role", "nurse",
                "active", true, "version", 2)), 200);
        assertThat(login(u, username, GOOD).status()).isEqualTo(200);
        assertThat(u.api.get("/api/me", token).status()).as("an ended session stays ended").isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_admin_cannot_deactivate_themselves_or_remove_the_last_active_admin(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            Map<String, Object> me = u.api.get("/api/me", admin(u)).map();
            String self = "/api/users/" + me.get("id");
            Api.Answer deactivateSelf = u.api.put(self, admin(u), Map.of("displayName", "Administrator", "role",
                    "admin", "active", false, "version", 1));
            assertThat(deactivateSelf.status()).isEqualTo(409);
            assertThat(deactivateSelf.map()).containsEntry("key", "DEACTIVATES_SELF");
            Api.Answer demoteSelf = u.api.put(self, admin(u), Map.of("displayName", "Administrator", "role", "nurse",
                    "active", true, "version", 1));
            assertThat(demoteSelf.status()).isEqualTo(409);
            assertThat(demoteSelf.map()).containsEntry("key", "LAST_ACTIVE_ADMIN");

            String second = newUser(u, "second.admin", Role.ADMIN);
            String secondToken = u.api.login("second.admin", GOOD);
            Unit.expect(u.api.put(self, admin(u), Map.of("displayName", "Administrator", "role", "nurse",
                    "active", true, "version", 1)), 200); // another admin is active: allowed
            Api.Answer removeLast = u.api.put("/api/users/" + second, secondToken, Map.of("displayName", "S",
                    "role", "lab", "active", true, "version", 1));
            assertThat(removeLast.status()).isEqualTo(409);
            assertThat(removeLast.map()).containsEntry("key", "LAST_ACTIVE_ADMIN");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_admins_deactivating_each_other_at_the_same_moment_leave_one_active_admin(Databases.Kind kind)
            throws Exception {
        try (Unit u = Unit.start(kind)) {
            String survivor = admin(u);
            String survivorId = (String) u.api.get("/api/me", survivor).map().get("id");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    String a = newUserBy(u, survivor, "a" + round);
                    String b = newUserBy(u, survivor, "b" + round);
                    String ta = u.api.login("a" + round, GOOD);
                    String tb = u.api.login("b" + round, GOOD);
                    // the previous survivor steps aside, so exactly two administrators are active
                    Unit.expect(u.api.put("/api/users/" + survivorId, ta, Map.of("displayName", "x", "role", "admin",
                            "active", false, "version", version(u, ta, survivorId))), 200);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Api.Answer> aOffB = pool.submit(() -> {
                        go.await();
                        return u.api.put("/api/users/" + b, ta, Map.of("displayName", "b", "role", "admin",
                                "active", false, "version", 1));
                    });
                    Future<Api.Answer> bOffA = pool.submit(() -> {
                        go.await();
                        return u.api.put("/api/users/" + a, tb, Map.of("displayName", "a", "role", "admin",
                                "active", false, "version", 1));
                    });
                    go.countDown();
                    List<Integer> got = new ArrayList<>(List.of(aOffB.get().status(), bOffA.get().status()));
                    assertThat(got).as("round " + round).containsOnlyOnce(200);
                    assertThat(got).as("round " + round).allMatch(s -> s == 200 || s == 409 || s == 401);
                    boolean aWon = got.get(0) == 200;
                    survivor = aWon ? ta : tb;
                    survivorId = aWon ? a : b;
                    long activeAdmins = Unit.expect(u.api.get("/api/users", survivor), 200).list().stream()
                            .filter(x -> "admin".equals(x.get("role")) && Boolean.TRUE.equals(x.get("active"))).count();
                    assertThat(activeAdmins).as("round " + round).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String newUserBy(Unit u, String adminToken, String username) {
        return Unit.expect(u.api.post("/api/users", adminToken, Map.of("username", username, "password", GOOD,
                "role", "admin", "displayName", username)), 201).id();
    }

    private static int version(Unit u, String adminToken, String id) {
        return u.api.get("/api/users", adminToken).list().stream().filter(x -> id.equals(x.get("id"))).findFirst()
                .map(x -> ((Number) x.get("version")).intValue()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_admin_resets_a_password_under_the_policy_the_users_sessions_end_and_their_wait_is_cleared(
            Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("billing");
        String id = newUser(u, username, Role.BILLING);
        String token = u.api.login(username, GOOD);
        for (int i = 0; i < AuthService.FREE_FAILURES; i++) {
            login(u, username, "forgotten " + i);
        }
        assertThat(login(u, username, GOOD).status()).as("the account waits").isEqualTo(429);
        Api.Answer weak = u.api.post("/api/users/" + id + "/password", admin(u), Map.of("newPassword", username));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(problems(weak)).extracting(p -> p.get("field") + " " + p.get("key"))
                .contains("newPassword PASSWORD_IS_USER_NAME");
        Api.Answer reset = u.api.post("/api/users/" + id + "/password", admin(u), Map.of("newPassword", OTHER));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.map()).containsEntry("sessionsEnded", 1);
        assertThat(u.api.get("/api/me", token).status()).isEqualTo(401);
        assertThat(login(u, username, OTHER).status()).as("no wait after the reset").isEqualTo(200);
        assertThat(login(u, username, GOOD).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_admin_signs_a_user_out_everywhere(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("physician");
        String id = newUser(u, username, Role.PHYSICIAN);
        String one = u.api.login(username, GOOD);
        String two = u.api.login(username, GOOD);
        Api.Answer ended = delete(u, "/api/users/" + id + "/sessions", admin(u));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.map()).containsEntry("sessionsEnded", 2);
        assertThat(u.api.get("/api/me", one).status()).isEqualTo(401);
        assertThat(u.api.get("/api/me", two).status()).isEqualTo(401);
        assertThat(login(u, username, GOOD).status()).as("the account itself stays").isEqualTo(200);
        assertThat(delete(u, "/api/users/00000000-0000-0000-0000-000000000000/sessions", admin(u)).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void every_account_change_is_audited_with_the_administrator_and_the_account(Databases.Kind kind) {
        Unit u = unit(kind);
        String username = name("lab");
        String id = newUser(u, username, Role.LAB);
        Unit.expect(u.api.put("/api/users/" + id, admin(u), Map.of("displayName", "L", "role", "lab", "active", true,
                "version", 1)), 200);
        Unit.expect(u.api.post("/api/users/" + id + "/password", admin(u), Map.of("newPassword", OTHER)), 200);
        Unit.expect(delete(u, "/api/users/" + id + "/sessions", admin(u)), 200);
        assertThat(u.server.services().audit().entries(java.util.Optional.empty(), java.util.Optional.empty(), 1000))
                .filteredOn(e -> e.resource().contains(id))
                .extracting(e -> e.username() + " " + e.action() + " " + e.outcome())
                .containsExactlyInAnyOrder("admin PUT /api/users/{id} success",
                        "admin POST /api/users/{id}/password success",
                        "admin DELETE /api/users/{id}/sessions success");
    }

    @Test
    void the_first_admins_password_from_the_environment_must_pass_the_policy() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String weak : List.of("a", "admin2026!!!!", "password1234", "            ")) {
            assertThatThrownBy(() -> OpenApheresisServer.start(Databases.config(Databases.Kind.H2)
                    .withAdminPassword(weak), quiet))
                    .as(weak).isInstanceOf(SettingRefused.class)
                    .hasMessageContaining("OPENAPHERESIS_ADMIN_PASSWORD");
        }
        assertThatThrownBy(() -> OpenApheresisServer.start(Databases.config(Databases.Kind.H2)
                .withAdminPassword("password1234"), quiet)).as("the password is not repeated in the message")
                .hasMessageNotContaining("password1234");
        assertThatThrownBy(() -> OpenApheresisServer.start(Databases.config(Databases.Kind.H2)
                .withAdminPassword("a"), quiet)).hasMessageContaining("at least 12 characters");
        try (OpenApheresisServer s = OpenApheresisServer.start(Databases.config(Databases.Kind.H2)
                .withAdminPassword(GOOD), quiet)) {
            assertThat(new Api(s.port()).login("admin", GOOD)).isNotBlank();
        }
    }
}
