package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Record text keeps out what a database or a reader could turn into something else. */
class NodeTextTest {

    private static List<Problem> read(String value, boolean multiline) {
        List<Problem> problems = new ArrayList<>();
        Node n = Node.root(Map.of("name", value), problems).orElseThrow();
        Optional<String> got = multiline ? n.multilineText("name", true, 100) : n.text("name", true, 100);
        assertThat(got.isPresent()).isEqualTo(problems.isEmpty());
        return problems;
    }

    @Test
    void a_nul_character_is_refused_naming_the_field_and_its_position() {
        assertThat(read("Ber\u0000g", false)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.key()).isEqualTo(MessageKey.INVALID_CHARACTER);
            assertThat(p.params()).containsExactly("a NUL character", 4);
        });
    }

    @Test
    void an_unpaired_surrogate_is_refused_and_a_paired_one_is_kept() {
        assertThat(read("Berg\uD800", false)).singleElement().extracting(Problem::params)
                .isEqualTo(List.of("an unpaired surrogate", 5));
        assertThat(read("\uDC00Berg", false)).hasSize(1);
        assertThat(read("Berg \uD83D\uDE00", false)).isEmpty();
    }

    @Test
    void a_right_to_left_override_or_isolate_is_refused_but_right_to_left_letters_are_not() {
        assertThat(read("abc\u202Efdp.exe", false)).singleElement().extracting(Problem::params)
                .isEqualTo(List.of("the direction control U+202E", 4));
        assertThat(read("\u2067x", false)).hasSize(1);
        assertThat(read("\u05d1\u05e8\u05d2 Haddad", false)).isEmpty();
    }

    @Test
    void line_breaks_are_allowed_only_in_multiline_text_and_other_controls_nowhere() {
        assertThat(read("line one\nline two", false)).hasSize(1);
        assertThat(read("line one\nline two\ttab", true)).isEmpty();
        assertThat(read("bell\u0007", true)).hasSize(1);
        assertThat(read("c1\u0085", true)).hasSize(1);
    }

    @Test
    void an_unknown_key_with_an_unpaired_surrogate_or_a_control_character_is_named_by_its_escape() {
        List<Problem> problems = new ArrayList<>();
        Node n = Node.root(Map.of("samples\uD800", 1, "a\u0007b", 2, "caf\u00e9\uD83D\uDE00", 3), problems)
                .orElseThrow();
        n.rejectUnknown();
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("samples\\uD800", "a\\u0007b",
                "caf\u00e9\uD83D\uDE00");
        // every name can be written as UTF-8
        for (Problem p : problems) {
            assertThat(java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(p.field())).isTrue();
        }
    }
}
