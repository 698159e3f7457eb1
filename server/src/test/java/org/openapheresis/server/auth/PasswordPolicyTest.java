package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** The one password policy, rule by rule: each test breaks one rule and shows its key, and only its key. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.standard();

    private static List<MessageKey> keys(String password, String username) {
        return POLICY.check("password", password, username).stream().map(Problem::key).toList();
    }

    @Test
    void a_long_uncommon_password_that_is_not_the_user_name_is_accepted() {
        assertThat(keys("tidal lantern oboe 47", "nurse.ben")).isEmpty();
        assertThat(keys("Kv7#qLm2!xR9", "nurse.ben")).isEmpty();
        assertThat(keys("staff-password-for-tests", "nurse1")).isEmpty();
    }

    @Test
    void fewer_than_twelve_characters_is_too_short_counted_in_characters_not_bytes() {
        assertThat(keys("tidal-oboe7", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_SHORT);
        assertThat(keys("tidal-oboe7x", "nurse.ben")).isEmpty();
        assertThat(keys("ŧíðåľøƀøé7ķ", "nurse.ben")).as("11 characters, 21 bytes")
                .containsExactly(MessageKey.PASSWORD_TOO_SHORT);
        assertThat(keys("a", "admin")).contains(MessageKey.PASSWORD_TOO_SHORT);
    }

    @Test
    void more_than_72_bytes_of_utf8_is_too_long_for_bcrypt() {
        String x72 = "tidal lantern oboe 47 ".repeat(4).substring(0, 72);
        assertThat(keys(x72, "nurse.ben")).isEmpty();
        assertThat(keys(x72 + "z", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_LONG);
        String accented = "é".repeat(20) + "tidal lantern oboe 47"; // 41 characters, 61 bytes
        assertThat(keys(accented, "nurse.ben")).isEmpty();
        assertThat(keys("é".repeat(37), "nurse.ben")).as("37 characters, 74 bytes")
                .contains(MessageKey.PASSWORD_TOO_LONG);
        assertThat(POLICY.check("newPassword", x72 + "z", "nurse.ben").get(0).params()).containsExactly(73, 72);
    }

    @Test
    void the_user_name_with_or_without_case_separators_digits_or_symbols_is_refused() {
        assertThat(keys("coordinator.silva", "coordinator.silva")).containsExactly(MessageKey.PASSWORD_IS_USER_NAME);
        assertThat(keys("Coordinator.Silva", "coordinator.silva")).containsExactly(MessageKey.PASSWORD_IS_USER_NAME);
        assertThat(keys("coordinatorsilva2026!", "coordinator.silva"))
                .containsExactly(MessageKey.PASSWORD_IS_USER_NAME);
        assertThat(keys("c00rdinat0r.silva", "coordinator.silva")).containsExactly(MessageKey.PASSWORD_IS_USER_NAME);
        assertThat(keys("silva the coordinator", "coordinator.silva")).isEmpty();
    }

    @Test
    void a_listed_word_with_digits_or_symbols_around_it_or_letters_swapped_is_too_common() {
        for (String p : List.of("password1234", "Password2026!", "P@ssw0rd-1234", "!!Welcome2026", "iloveyou1234",
                "letmein12345", "trustno1trustno1", "Summer2026!!", "Changeme!2026")) {
            assertThat(keys(p, "nurse.ben")).as(p).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
        }
    }

    @Test
    void keyboard_rows_sequences_and_a_shorter_text_said_again_are_too_common() {
        for (String p : List.of("qwertyuiop12", "1qaz2wsx3edc", "asdfghjkl;'#", "123456789012", "abcdefghijkl",
                "987654321098", "aaaaaaaaaaaa", "!!!!!!!!!!!!", "abcabcabcabc", "passwordpassword",
                "q1w2e3r4t5y6", "ben2026ben2026", "Summer-Summer-Summer")) {
            assertThat(keys(p, "nurse.ben")).as(p).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
        }
    }

    @Test
    void a_famous_phrase_is_too_common_with_or_without_its_spaces() {
        assertThat(keys("correct horse battery staple", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
        assertThat(keys("CorrectHorseBatteryStaple", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
    }

    @Test
    void words_of_the_unit_itself_are_too_common() {
        assertThat(keys("Apheresis2026", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
        assertThat(keys("hospital12345", "nurse.ben")).containsExactly(MessageKey.PASSWORD_TOO_COMMON);
    }

    @Test
    void every_rule_broken_is_named_at_once_and_the_password_is_in_none_of_them() {
        List<Problem> problems = POLICY.check("newPassword", "admin", "admin");
        assertThat(problems).extracting(Problem::key).containsExactlyInAnyOrder(MessageKey.PASSWORD_TOO_SHORT,
                MessageKey.PASSWORD_IS_USER_NAME, MessageKey.PASSWORD_TOO_COMMON);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.field()).isEqualTo("newPassword");
            assertThat(p.value()).isEmpty();
            assertThat(p.message()).doesNotContain("admin");
        });
    }

    @Test
    void the_shipped_list_is_read() {
        assertThat(POLICY.entries()).isGreaterThan(300);
    }
}
