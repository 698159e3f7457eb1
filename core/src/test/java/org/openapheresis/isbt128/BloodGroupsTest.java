package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.BloodGroups.Abo;
import org.openapheresis.isbt128.BloodGroups.IntendedUse;
import org.openapheresis.isbt128.BloodGroups.RhD;
import org.openapheresis.system.MessageKey;

/** Data Structure 002, Blood Groups [ABO and RhD] {@code =%ggre} (ST-001 v6.2.2 §2.4.2, Tables 4 and 6). */
class BloodGroupsTest {

    @Test
    void the_section_2_2_example_6200_is_a_rhd_positive_without_phenotype() {
        BloodGroups group = Isbt128.parse("bloodGroups", "=%6200", BloodGroups.class);
        assertThat(group).isEqualTo(BloodGroups.of(Abo.A, RhD.POSITIVE));
        assertThat(group.hasPhenotype()).isFalse();
        assertThat(group.encode()).isEqualTo("=%6200");
    }

    @Test
    void the_default_codes_of_the_eight_abo_rhd_groups_follow_table_4() {
        assertThat(BloodGroups.of(Abo.O, RhD.NEGATIVE).code()).isEqualTo("95");
        assertThat(BloodGroups.of(Abo.O, RhD.POSITIVE).code()).isEqualTo("51");
        assertThat(BloodGroups.of(Abo.A, RhD.NEGATIVE).code()).isEqualTo("06");
        assertThat(BloodGroups.of(Abo.A, RhD.POSITIVE).code()).isEqualTo("62");
        assertThat(BloodGroups.of(Abo.B, RhD.NEGATIVE).code()).isEqualTo("17");
        assertThat(BloodGroups.of(Abo.B, RhD.POSITIVE).code()).isEqualTo("73");
        assertThat(BloodGroups.of(Abo.AB, RhD.NEGATIVE).code()).isEqualTo("28");
        assertThat(BloodGroups.of(Abo.AB, RhD.POSITIVE).code()).isEqualTo("84");
    }

    @Test
    void autologous_use_only_codes_follow_table_4() {
        assertThat(BloodGroups.of(Abo.O, RhD.POSITIVE, IntendedUse.AUTOLOGOUS_ONLY).code()).isEqualTo("53");
        assertThat(BloodGroups.of(Abo.A, RhD.NEGATIVE, IntendedUse.AUTOLOGOUS_ONLY).code()).isEqualTo("08");
        assertThat(Isbt128.parse("bloodGroups", "=%9700")).isEqualTo(
                BloodGroups.of(Abo.O, RhD.NEGATIVE, IntendedUse.AUTOLOGOUS_ONLY));
    }

    @Test
    void all_64_codes_are_distinct_and_round_trip() {
        Set<String> codes = new HashSet<>();
        for (Abo abo : Abo.values()) {
            for (RhD rhD : RhD.values()) {
                for (IntendedUse use : IntendedUse.values()) {
                    BloodGroups group = BloodGroups.of(abo, rhD, use);
                    codes.add(group.code());
                    assertThat(Isbt128.parse("bloodGroups", group.encode())).isEqualTo(group);
                    assertThat(BloodGroups.ofCode(group.code())).contains(group);
                }
            }
        }
        assertThat(codes).hasSize(64);
    }

    @Test
    void a_phenotype_character_is_kept() {
        BloodGroups group = Isbt128.parse("bloodGroups", "=%51E0", BloodGroups.class);
        assertThat(group.phenotype()).isEqualTo('E');
        assertThat(group.hasPhenotype()).isTrue();
        assertThat(group.encode()).isEqualTo("=%51E0");
    }

    @Test
    void a_code_outside_the_table_is_refused_not_guessed() {
        assertRefused(() -> Isbt128.parse("bloodGroups", "=%D600"), "bloodGroups",
                MessageKey.UNKNOWN_BLOOD_GROUP_CODE, "D6");
        assertRefused(() -> Isbt128.parse("bloodGroups", "=%Mq00"), "bloodGroups",
                MessageKey.UNKNOWN_BLOOD_GROUP_CODE, "Mq");
    }

    @Test
    void the_reserved_character_must_be_zero() {
        assertRefused(() -> Isbt128.parse("bloodGroups", "=%6201"), "bloodGroups", MessageKey.RESERVED_VALUE, "1",
                "reserved character e");
    }

    @Test
    void a_lower_case_phenotype_is_refused() {
        assertRefused(() -> Isbt128.parse("bloodGroups", "=%62e0"), "bloodGroups", MessageKey.CHARACTER_NOT_ALLOWED,
                "e", 5, "Rh, Kell and Mia/Mur phenotype", "A-Z, 0-9");
        assertRefused(() -> new BloodGroups(Abo.A, RhD.POSITIVE, IntendedUse.NOT_SPECIFIED, 'e'),
                "bloodGroups.phenotype", MessageKey.CHARACTER_NOT_ALLOWED, "e", 1, "Rh, Kell and Mia/Mur phenotype",
                "A-Z, 0-9");
    }

    @Test
    void a_special_testing_bar_code_at_a_blood_groups_prompt_is_refused_as_the_wrong_data_structure() {
        assertRefused(() -> Isbt128.parse("bloodGroups", "=\\620000000000000000", BloodGroups.class), "bloodGroups",
                MessageKey.WRONG_DATA_STRUCTURE, "data structure 002 (Blood Groups [ABO and RhD])",
                "data structure 012 (Special Testing: Red Blood Cell Antigens - General)");
    }
}
