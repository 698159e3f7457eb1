package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The ISO/IEC 7064 mod 37-2 check character against published worked cases. Sources: ICCBBA ST-001 v6.2.2 Appendix A
 * (the step-by-step example), §7.4.1 and §7.5.1.1 (printed DINs), Figures 2, 20, 21 and 22 (label examples); JPAC
 * UK Red Book Annex 2 (https://www.transfusionguidelines.org/red-book/annex-2-isbt-128-check-character-calculation).
 * Tolerance: none, the check is an integer.
 */
class Mod37_2Test {

    @Test
    void the_appendix_a_example_sums_to_146178_which_leaves_28_so_the_check_is_10_or_A() {
        long sum = Mod37_2.weightedSum("G123417654321");
        assertThat(sum).isEqualTo(146_178L);
        assertThat(sum % 37).isEqualTo(28);
        assertThat((38 - sum % 37) % 37).isEqualTo(10);
        assertThat(Mod37_2.checkValue("G123417654321")).isEqualTo(10);
        assertThat(Mod37_2.checkCharacter("G123417654321")).isEqualTo('A');
    }

    @Test
    void the_red_book_example_sums_to_148354_and_gives_check_17_or_H() {
        assertThat(Mod37_2.weightedSum("G123498654321")).isEqualTo(148_354L);
        assertThat(Mod37_2.checkValue("G123498654321")).isEqualTo(17);
        assertThat(Mod37_2.checkCharacter("G123498654321")).isEqualTo('H');
    }

    @ParameterizedTest(name = "{0} has check character {1} ({2})")
    @CsvSource({
        "G123417654321, A, ST-001 Appendix A",
        "A999921123456, 3, ST-001 Figure 2",
        "A999820123456, E, ST-001 Figure 20 blood label",
        "A999818123456, N, ST-001 section 7.5.1.1",
        "W000009123456, G, ST-001 section 7.4.1",
        "A999917123654, Y, ST-001 Figure 21 label 4",
        "A999917123456, 9, ST-001 Figure 21 labels 1 and 3",
        "A999917345628, *, ST-001 Figure 22 cornea label",
        "A999917345658, O, ST-001 Figure 22 sclera label",
        "G123498654321, H, Red Book Annex 2"
    })
    void published_dins_have_their_published_check_character(String din, char expected, String source) {
        assertThat(Mod37_2.checkCharacter(din)).as(source).isEqualTo(expected);
    }

    @Test
    void the_recursive_and_the_weighted_sum_methods_agree_on_every_character_in_every_position() {
        for (int position = 0; position < 13; position++) {
            for (char c : Mod37_2.ALPHABET.toCharArray()) {
                StringBuilder text = new StringBuilder("A999921123456");
                text.setCharAt(position, c);
                long sum = Mod37_2.weightedSum(text);
                assertThat(Mod37_2.checkValue(text)).as(text.toString()).isEqualTo((int) ((38 - sum % 37) % 37));
            }
        }
    }

    @Test
    void character_values_follow_table_35() {
        assertThat(Mod37_2.value('0')).isZero();
        assertThat(Mod37_2.value('9')).isEqualTo(9);
        assertThat(Mod37_2.value('A')).isEqualTo(10);
        assertThat(Mod37_2.value('Z')).isEqualTo(35);
        assertThat(Mod37_2.value('*')).isEqualTo(36);
        assertThat(Mod37_2.character(36)).isEqualTo('*');
        assertThatThrownBy(() -> Mod37_2.value('a')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mod37_2.character(37)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_single_substitution_and_adjacent_transposition_of_one_din_changes_the_check() {
        String din = "G123417654321";
        int check = Mod37_2.checkValue(din);
        String alphabet = Mod37_2.ALPHABET.substring(0, 36);
        for (int i = 0; i < din.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != din.charAt(i)) {
                    StringBuilder changed = new StringBuilder(din);
                    changed.setCharAt(i, c);
                    assertThat(Mod37_2.checkValue(changed)).as(changed.toString()).isNotEqualTo(check);
                }
            }
        }
        for (int i = 0; i + 1 < din.length(); i++) {
            if (din.charAt(i) != din.charAt(i + 1)) {
                StringBuilder swapped = new StringBuilder(din);
                swapped.setCharAt(i, din.charAt(i + 1));
                swapped.setCharAt(i + 1, din.charAt(i));
                assertThat(Mod37_2.checkValue(swapped)).as(swapped.toString()).isNotEqualTo(check);
            }
        }
    }
}
