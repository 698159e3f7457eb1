package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * Sessions looked up lately answer without the database, within the stated bound: at once for what this process
 * ends, within {@link LiveSessions#REVOCATION_BOUND} for what another process on the same database ends, and
 * never past the session's expiry.
 */
class LiveSessionsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Principal NURSE = new Principal("u1", "nurse.ben", "Ben", Role.NURSE, false, "csrf");

    @Test
    void an_entry_answers_until_the_bound_and_never_past_the_sessions_expiry() {
        LiveSessions live = new LiveSessions();
        live.keep("a", NURSE, T0.plus(Duration.ofHours(8)), T0, live.generation());
        assertThat(live.find("a", T0.plus(Duration.ofMillis(1999)), false)).contains(NURSE);
        assertThat(live.find("a", T0.plus(LiveSessions.REVOCATION_BOUND), false)).isEmpty();
        live.keep("b", NURSE, T0.plusSeconds(1), T0, live.generation());
        assertThat(live.find("b", T0.plusMillis(999), false)).isPresent();
        assertThat(live.find("b", T0.plusSeconds(1), false)).as("the session expired before the bound").isEmpty();
    }

    @Test
    void a_lookup_that_started_before_a_change_is_not_kept() {
        LiveSessions live = new LiveSessions();
        long started = live.generation();
        live.forgetAll(); // a logout commits while the lookup reads the old row
        live.keep("a", NURSE, T0.plus(Duration.ofHours(8)), T0, started);
        assertThat(live.find("a", T0, false)).isEmpty();
    }

    @Test
    void the_caller_is_answered_with_how_it_came_and_a_flood_of_tokens_is_bounded() {
        LiveSessions live = new LiveSessions();
        live.keep("a", NURSE, T0.plus(Duration.ofHours(8)), T0, live.generation());
        assertThat(live.find("a", T0, true).orElseThrow().viaCookie()).as("the cookie needs the CSRF check").isTrue();
        for (int i = 0; i < LiveSessions.MAX_ENTRIES + 5; i++) {
            live.keep("t" + i, NURSE, T0.plus(Duration.ofHours(8)), T0, live.generation());
        }
        assertThat(live.find("a", T0, false)).as("the table started again empty").isEmpty();
    }

    @Test
    void a_logout_in_one_server_stops_the_token_in_another_on_the_same_database_within_the_bound() {
        TestClock clock = new TestClock(Instant.now());
        ServerConfig config = Databases.config(Databases.Kind.POSTGRESQL);
        java.io.PrintStream quiet = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                java.nio.charset.StandardCharsets.UTF_8);
        try (Unit a = Unit.start(config, clock);
                OpenApheresisServer b = OpenApheresisServer.start(config.withAdminPassword("unused-other-password"),
                        quiet, AccessPolicy.contract(), List.of(), clock)) {
            Api apiB = new Api(b.port());
            String token = a.token(Role.NURSE);
            assertThat(apiB.get("/api/me", token).status()).isEqualTo(200); // B has looked it up
            assertThat(a.api.post("/api/logout", token, "").status()).isEqualTo(200);
            assertThat(a.api.get("/api/me", token).status()).as("at once where it ended").isEqualTo(401);
            assertThat(apiB.get("/api/me", token).status()).as("B may still answer within the bound").isEqualTo(200);
            clock.advance(LiveSessions.REVOCATION_BOUND);
            assertThat(apiB.get("/api/me", token).status()).as("and no longer after it").isEqualTo(401);
            // a deactivation in A stops a token B had looked up, in the same bound
            String physician = a.token(Role.PHYSICIAN);
            assertThat(apiB.get("/api/me", physician).status()).isEqualTo(200);
            String id = (String) a.api.get("/api/me", physician).map().get("id");
            Map<String, Object> user = a.api.get("/api/users", a.token(Role.ADMIN)).list().stream()
                    .filter(u -> id.equals(u.get("id"))).findFirst().orElseThrow();
            assertThat(a.api.put("/api/users/" + id, a.token(Role.ADMIN), Map.of("displayName", user.get("displayName"),
                    "role", "physician", "active", false, "version", user.get("version"))).status()).isEqualTo(200);
            assertThat(a.api.get("/api/me", physician).status()).isEqualTo(401);
            clock.advance(LiveSessions.REVOCATION_BOUND);
            assertThat(apiB.get("/api/me", physician).status()).isEqualTo(401);
        }
    }
}
