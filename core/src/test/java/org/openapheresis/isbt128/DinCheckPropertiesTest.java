package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.openapheresis.system.MessageKey;

/**
 * Properties of the mod 37-2 check over seeded random valid DINs (ST-001 v6.2.2 Appendix A). Mod 37-2 detects every
 * single substitution and every transposition of adjacent characters: a substitution changes the weighted sum by
 * (a − b)·2<sup>n</sup> and a transposition by (a − b)·2<sup>n</sup>, neither a multiple of the prime 37 for
 * 0 &lt; |a − b| &lt; 37.
 */
class DinCheckPropertiesTest {

    private static final String DIN_CHARACTERS = Mod37_2.ALPHABET.substring(0, 36);

    @Provide
    Arbitrary<Din> dins() {
        Arbitrary<Character> first = Arbitraries.of("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789".toCharArray());
        Arbitrary<String> middle = Arbitraries.strings().withChars("ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789").ofLength(2);
        Arbitrary<String> last = Arbitraries.strings().numeric().ofLength(2);
        Arbitrary<String> facility = Combinators.combine(first, middle, last).as((f, m, l) -> f + m + l);
        return Combinators.combine(facility, Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, Din.MAX_SEQUENCE)).as(Din::new);
    }

    @Property(tries = 1000, seed = "20260517")
    void any_single_substitution_changes_the_check_character(@ForAll("dins") Din din,
            @ForAll @IntRange(min = 0, max = 12) int position, @ForAll @IntRange(min = 1, max = 35) int shift) {
        String value = din.value();
        char original = value.charAt(position);
        char replacement = DIN_CHARACTERS.charAt((DIN_CHARACTERS.indexOf(original) + shift) % 36);
        String changed = value.substring(0, position) + replacement + value.substring(position + 1);
        assertThat(Mod37_2.checkCharacter(changed)).as(changed).isNotEqualTo(din.checkCharacter());
    }

    @Property(tries = 1000, seed = "20260517")
    void a_substituted_digit_that_still_makes_a_valid_din_is_caught_when_the_din_is_typed_with_its_check(
            @ForAll("dins") Din din, @ForAll @IntRange(min = 5, max = 12) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String value = din.value();
        char replacement = (char) ('0' + (value.charAt(position) - '0' + shift) % 10);
        String changed = value.substring(0, position) + replacement + value.substring(position + 1);
        Din mistyped = Din.parse("din", changed);
        assertThat(mistyped.checkCharacter()).isNotEqualTo(din.checkCharacter());
        assertThat(Problems.only(() -> Din.parsePrinted("typedDin", changed + " " + din.checkCharacter())).key())
                .isEqualTo(MessageKey.CHECK_CHARACTER_MISMATCH);
    }

    @Property(tries = 1000, seed = "20260517")
    void any_adjacent_transposition_of_different_characters_changes_the_check_character(@ForAll("dins") Din din,
            @ForAll @IntRange(min = 0, max = 11) int position) {
        String value = din.value();
        char a = value.charAt(position);
        char b = value.charAt(position + 1);
        String swapped = value.substring(0, position) + b + a + value.substring(position + 2);
        if (a == b) {
            assertThat(Mod37_2.checkCharacter(swapped)).isEqualTo(din.checkCharacter());
        } else {
            assertThat(Mod37_2.checkCharacter(swapped)).as(swapped).isNotEqualTo(din.checkCharacter());
        }
    }

    @Property(tries = 500, seed = "20260517")
    void flags_60_to_96_carry_the_check_value_and_read_back(@ForAll("dins") Din din) {
        DonationIdentificationNumber ds = DonationIdentificationNumber.withCheckFlags(din);
        assertThat(ds.flags().value()).isBetween(60, 96);
        assertThat(ds.flags().value() - 60).isEqualTo(din.checkValue());
        assertThat(ds.flags().checkValue()).hasValue(din.checkValue());
        assertThat(Mod37_2.character(ds.flags().checkValue().getAsInt())).isEqualTo(din.checkCharacter());
        assertThat(Isbt128.parse("scannedDin", ds.encode())).isEqualTo(ds);
    }

    @Property(tries = 500, seed = "20260517")
    void any_other_flag_value_in_60_to_96_is_refused_as_a_check_mismatch(@ForAll("dins") Din din,
            @ForAll @IntRange(min = 1, max = 36) int offset) {
        int wrong = 60 + (din.checkValue() + offset) % 37;
        String scan = "=" + din.value() + wrong;
        assertThat(Problems.only(() -> Isbt128.parse("scannedDin", scan)).key())
                .isEqualTo(MessageKey.FLAG_CHECK_MISMATCH);
    }

    @Property(tries = 500, seed = "20260517")
    void the_13_characters_and_the_printed_form_read_back_to_the_same_din(@ForAll("dins") Din din) {
        assertThat(Din.parse("din", din.value())).isEqualTo(din);
        assertThat(Din.parsePrinted("typedDin", din.printed())).isEqualTo(din);
        assertThat(Isbt128.parse("scannedDin", DonationIdentificationNumber.of(din).encode()))
                .isEqualTo(DonationIdentificationNumber.of(din));
    }
}
