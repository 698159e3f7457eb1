package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void an_unknown_users_stand_in_hash_is_a_well_formed_bcrypt_hash_at_the_instances_cost_that_nothing_verifies() {
        for (int cost : new int[] {4, 5, 6}) {
            Passwords p = new Passwords(cost);
            String stand = p.unknownUserHash();
            assertThat(stand).startsWith("$2b$0" + cost + "$").hasSize(60);
            assertThat(Passwords.costOf(stand)).isEqualTo(cost);
            BCrypt.Result r = BCrypt.verifyer().verify("".toCharArray(), stand);
            assertThat(r.validFormat).as("bcrypt reads it, so it runs the full cost").isTrue();
            assertThat(r.verified).isFalse();
            assertThat(r.details.cost).isEqualTo(cost);
        }
    }

    @Test
    void each_instance_has_its_own_stand_in_and_an_unknown_user_costs_one_verification_at_the_cost_and_fails() {
        assertThat(new Passwords(4).unknownUserHash()).isNotEqualTo(new Passwords(4).unknownUserHash());
        List<Integer> runs = new ArrayList<>();
        Passwords p = new Passwords(5, runs::add);
        assertThat(p.verify("any password", Optional.empty())).isFalse();
        assertThat(runs).containsExactly(5);
    }
}
