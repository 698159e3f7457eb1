package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.db.Database;
import org.openapheresis.server.support.Databases;

/**
 * Every way a login can go costs one bcrypt verification at the account's cost, so the time of the answer does
 * not tell a known user name from an unknown one (before, a known user with a password over 72 bytes was
 * answered without any bcrypt work, an unknown one after a full check). Counted, not timed.
 */
class LoginCostTest {

    private static final int COST = Databases.TEST_BCRYPT_COST;
    private static final String RIGHT = "a right password for the cost test";

    private final List<Integer> verifications = new CopyOnWriteArrayList<>();
    private Database db;
    private AuthService auth;

    @BeforeEach
    void start() {
        db = Database.h2(Databases.tempDir());
        Passwords passwords = new Passwords(COST, verifications::add);
        auth = new AuthService(db.jdbi(), new AuthStore(), passwords,
                Clock.fixed(Instant.parse("2026-03-02T07:00:00Z"), ZoneOffset.UTC));
        db.jdbi().useTransaction(h -> {
            auth.createUser(h, "nurse.active", RIGHT, Role.NURSE, "Active Nurse");
            auth.createUser(h, "nurse.gone", RIGHT, Role.NURSE, "Former Nurse");
            h.createUpdate("UPDATE app_user SET active = FALSE WHERE username = 'nurse.gone'").execute();
        });
        verifications.clear();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private List<Integer> costsOf(String username, String password) {
        verifications.clear();
        auth.login(username, password, Optional.empty());
        return List.copyOf(verifications);
    }

    private static String overLong() {
        return "é".repeat(40); // 40 characters, 80 bytes of UTF-8
    }

    @Test
    void every_way_a_login_can_go_runs_exactly_one_bcrypt_verification_at_the_accounts_cost() {
        assertThat(overLong().length()).isLessThan(Passwords.MAX_BYTES);
        assertThat(costsOf("nobody.here", "a wrong password")).as("unknown user").containsExactly(COST);
        assertThat(costsOf("nobody.here", overLong())).as("unknown user, over-long password").containsExactly(COST);
        assertThat(costsOf("nurse.gone", RIGHT)).as("inactive user, right password").containsExactly(COST);
        assertThat(costsOf("nurse.active", overLong())).as("known user, over-long password").containsExactly(COST);
        assertThat(costsOf("nurse.active", "a wrong password")).as("wrong password").containsExactly(COST);
        assertThat(costsOf("nurse.active", RIGHT)).as("right password").containsExactly(COST);
    }

    @Test
    void only_the_right_password_of_an_active_account_signs_in() {
        assertThat(auth.login("nurse.active", RIGHT, Optional.empty()))
                .isInstanceOf(AuthService.LoginResult.Success.class);
        assertThat(auth.login("nurse.gone", RIGHT, Optional.empty())).isInstanceOf(AuthService.LoginResult.Failure.class);
        assertThat(auth.login("nurse.active", RIGHT + " ", Optional.empty()))
                .as("a password is compared as sent, never trimmed").isInstanceOf(AuthService.LoginResult.Failure.class);
        assertThat(auth.login("nurse.active", overLong(), Optional.empty()))
                .isInstanceOf(AuthService.LoginResult.Failure.class);
    }

    @Test
    void an_account_hashed_at_another_cost_is_checked_at_its_cost_and_hashed_again_at_the_units_on_sign_in() {
        String older = new Passwords(COST + 1).hash(RIGHT);
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE app_user SET password_hash = :p WHERE username = 'nurse.active'")
                .bind("p", older).execute());
        assertThat(costsOf("nurse.active", "a wrong password")).containsExactly(COST + 1);
        assertThat(costsOf("nurse.active", RIGHT)).containsExactly(COST + 1);
        assertThat(costsOf("nurse.active", RIGHT)).as("hashed again at the unit's cost").containsExactly(COST);
        int version = db.jdbi().withHandle(h -> h.createQuery("SELECT version FROM app_user WHERE username = "
                + "'nurse.active'").mapTo(Integer.class).one());
        assertThat(version).as("a new hash of the same password is no edit of the account").isEqualTo(1);
    }

    @Test
    void the_cost_of_a_hash_is_read_from_it() {
        assertThat(Passwords.costOf(new Passwords(5).hash("x"))).isEqualTo(5);
        assertThat(Passwords.costOf("not a hash")).isEqualTo(-1);
    }
}
