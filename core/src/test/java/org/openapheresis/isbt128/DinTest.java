package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** The 13-character DIN: its parts, its printed form and its check character (ST-001 v6.2.2 §2.4.1, §7.4–7.5). */
class DinTest {

    static Din appendixAExample() {
        return Din.of("G1234", 17, 654_321);
    }

    @Test
    void the_appendix_a_din_reads_from_its_13_characters_into_its_parts() {
        Din din = Din.parse("din", "G123417654321");
        assertThat(din).isEqualTo(appendixAExample());
        assertThat(din.facility()).isEqualTo("G1234");
        assertThat(din.year2()).isEqualTo(17);
        assertThat(din.sequence()).isEqualTo(654_321);
        assertThat(din.value()).isEqualTo("G123417654321");
    }

    @Test
    void the_three_worked_examples_have_check_characters_A_3_and_E() {
        assertThat(Din.of("G1234", 17, 654_321).checkCharacter()).isEqualTo('A');
        assertThat(Din.of("G1234", 17, 654_321).checkValue()).isEqualTo(10);
        assertThat(Din.of("A9999", 21, 123_456).checkCharacter()).isEqualTo('3');
        assertThat(Din.of("A9998", 20, 123_456).checkCharacter()).isEqualTo('E');
    }

    @Test
    void the_printed_form_groups_facility_year_and_sequence_and_ends_with_the_check_character() {
        assertThat(appendixAExample().printed()).isEqualTo("G1234 17 654321 A");
        assertThat(appendixAExample()).hasToString("G1234 17 654321 A");
        assertThat(Din.of("A9999", 1, 42).printed()).isEqualTo("A9999 01 000042 W");
    }

    @Test
    void the_printed_form_reads_back_with_its_check_character_verified() {
        assertThat(Din.parsePrinted("typedDin", "G1234 17 654321 A")).isEqualTo(appendixAExample());
        assertThat(Din.parsePrinted("typedDin", "G1234 17 654321 [A]")).isEqualTo(appendixAExample());
        assertThat(Din.parsePrinted("typedDin", "A9998 20 123456 E")).isEqualTo(Din.of("A9998", 20, 123_456));
    }

    @Test
    void a_national_grouping_of_the_printed_din_reads_the_same_red_book_annex_2() {
        assertThat(Din.parsePrinted("typedDin", "G123 498 654 321 H")).isEqualTo(Din.of("G1234", 98, 654_321));
    }

    @Test
    void printed_flag_characters_between_din_and_check_are_checked_and_dropped_st001_7_4_1() {
        assertThat(Din.parsePrinted("typedDin", "W0000 09 123456 02 G")).isEqualTo(Din.of("W0000", 9, 123_456));
        assertRefused(() -> Din.parsePrinted("typedDin", "W0000 09 123456 14 G"), "typedDin",
                MessageKey.RESERVED_VALUE, "14", "flag characters");
        assertRefused(() -> Din.parsePrinted("typedDin", "G1234 17 654321 71 A"), "typedDin",
                MessageKey.FLAG_CHECK_MISMATCH, "71", "70", "G123417654321");
    }

    @Test
    void the_star_check_character_of_st001_figure_22_is_accepted() {
        assertThat(Din.parsePrinted("typedDin", "A9999 17 345628 *")).isEqualTo(Din.of("A9999", 17, 345_628));
    }

    @Test
    void a_typed_din_whose_check_character_does_not_match_is_refused_with_both_characters() {
        assertRefused(() -> Din.parsePrinted("typedDin", "G1234 17 654312 A"), "typedDin",
                MessageKey.CHECK_CHARACTER_MISMATCH, "A", "C", "G123417654312");
    }

    @Test
    void a_printed_din_without_its_check_character_is_refused_for_its_length() {
        assertRefused(() -> Din.parsePrinted("typedDin", "G1234 17 654321"), "typedDin", MessageKey.WRONG_LENGTH,
                "G1234 17 654321", 13, "14 (DIN and check character) or 16 (DIN, flags and check character) without spaces");
    }

    @Test
    void a_bad_character_in_a_printed_din_is_reported_at_its_position_in_the_text_typed() {
        assertRefused(() -> Din.parsePrinted("typedDin", "G1234 1X 654321 A"), "typedDin",
                MessageKey.CHARACTER_NOT_ALLOWED, "X", 8, "nominal year", "0-9");
        assertRefused(() -> Din.parsePrinted("typedDin", "G1234 17 654321 a"), "typedDin",
                MessageKey.CHARACTER_NOT_ALLOWED, "a", 17, "check character", "0-9, A-Z, *");
    }

    @Test
    void a_din_of_the_wrong_length_is_refused_with_its_length() {
        assertRefused(() -> Din.parse("din", "G12341765432"), "din", MessageKey.WRONG_LENGTH, "G12341765432", 12, 13);
        assertRefused(() -> Din.parse("din", "G1234176543210"), "din", MessageKey.WRONG_LENGTH, "G1234176543210", 14,
                13);
    }

    @Test
    void a_missing_din_is_required() {
        assertRefused(() -> Din.parse("din", null), "din", MessageKey.REQUIRED);
    }

    @Test
    void a_facility_may_not_begin_with_zero_or_the_letter_o() {
        assertRefused(() -> Din.parse("din", "0123417654321"), "din", MessageKey.CHARACTER_NOT_ALLOWED, "0", 1,
                "facility identification number", "A-N, P-Z, 1-9");
        assertRefused(() -> Din.parse("din", "O123417654321"), "din", MessageKey.CHARACTER_NOT_ALLOWED, "O", 1,
                "facility identification number", "A-N, P-Z, 1-9");
    }

    @Test
    void the_facility_allows_future_letters_in_its_second_and_third_characters_but_not_its_last_two() {
        assertThat(Din.parse("din", "ABC1217654321").facility()).isEqualTo("ABC12");
        assertRefused(() -> Din.parse("din", "AOC1217654321"), "din", MessageKey.CHARACTER_NOT_ALLOWED, "O", 2,
                "facility identification number", "A-N, P-Z, 0-9");
        assertRefused(() -> Din.parse("din", "A12B417654321"), "din", MessageKey.CHARACTER_NOT_ALLOWED, "B", 4,
                "facility identification number", "0-9");
    }

    @Test
    void every_bad_character_is_reported_at_once() {
        List<Problem> problems = Problems.of(() -> Din.parse("din", "g12341765432x"));
        assertThat(problems).containsExactly(
                Problem.of("din", MessageKey.CHARACTER_NOT_ALLOWED, "g", 1, "facility identification number",
                        "A-N, P-Z, 1-9"),
                Problem.of("din", MessageKey.CHARACTER_NOT_ALLOWED, "x", 13, "sequence number", "0-9"));
    }

    @Test
    void non_ascii_digits_are_not_digits() {
        assertRefused(() -> Din.parse("din", "G12341765432\u0661"), "din", MessageKey.CHARACTER_NOT_ALLOWED,
                "\u0661", 13, "sequence number", "0-9");
    }

    @Test
    void a_din_built_from_parts_refuses_impossible_parts_by_name() {
        assertRefused(() -> Din.of("G1234", 100, 1), "din.year2", MessageKey.OUT_OF_RANGE, 100, 0, 99);
        assertRefused(() -> Din.of("G1234", 17, 1_000_000), "din.sequence", MessageKey.OUT_OF_RANGE, 1_000_000, 0,
                999_999);
        assertRefused(() -> Din.of("G123", 17, 1), "din.facility", MessageKey.WRONG_LENGTH, "G123", 4, 5);
    }
}
