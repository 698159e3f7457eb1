package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;

/** Data Structure 001 and its flag characters (ST-001 v6.2.2 §2.4.1, Table 3, Appendix A.2). */
class DonationIdentificationNumberTest {

    @Test
    void the_appendix_a2_din_carries_its_check_in_flags_70() {
        Din din = Din.of("G1234", 17, 654_321);
        DonationIdentificationNumber ds = DonationIdentificationNumber.withCheckFlags(din);
        assertThat(ds.flags().code()).isEqualTo("70");
        assertThat(ds.encode()).isEqualTo("=G12341765432170");
        assertThat(Isbt128.parse("scannedDin", "=G12341765432170")).isEqualTo(ds);
    }

    @Test
    void figure_2_din_with_flags_01_reads_as_container_1_of_a_set() {
        DonationIdentificationNumber ds = Isbt128.parse("scannedDin", "=A99992112345601",
                DonationIdentificationNumber.class);
        assertThat(ds.din()).isEqualTo(Din.of("A9999", 21, 123_456));
        assertThat(ds.din().checkCharacter()).isEqualTo('3');
        assertThat(ds.flags().kind()).isEqualTo(DinFlags.Kind.CONTAINER_OF_SET);
        assertThat(ds.flags().containerNumber()).hasValue(1);
        assertThat(ds.flags().checkValue()).isEmpty();
    }

    @Test
    void check_flags_that_do_not_match_the_din_are_refused_so_a_misread_din_is_caught() {
        assertRefused(() -> Isbt128.parse("scannedDin", "=G12341765432171"), "scannedDin",
                MessageKey.FLAG_CHECK_MISMATCH, "71", "70", "G123417654321");
        assertRefused(() -> Isbt128.parse("scannedDin", "=G12341765431270"), "scannedDin",
                MessageKey.FLAG_CHECK_MISMATCH, "70", "72", "G123417654312");
        assertRefused(() -> new DonationIdentificationNumber(Din.of("G1234", 17, 654_321), new DinFlags("60")),
                "donationIdentificationNumber.flags", MessageKey.FLAG_CHECK_MISMATCH, "60", "70", "G123417654321");
    }

    @Test
    void flags_00_mean_not_used() {
        DinFlags flags = Isbt128.parse("scannedDin", "=A99992112345600", DonationIdentificationNumber.class).flags();
        assertThat(flags).isEqualTo(DinFlags.NOT_USED);
        assertThat(flags.kind()).isEqualTo(DinFlags.Kind.NOT_USED);
    }

    @Test
    void every_flag_value_of_table_3_has_its_meaning() {
        assertThat(new DinFlags("05").kind()).isEqualTo(DinFlags.Kind.REPEATED_DEMAND_PRINTED_LABEL);
        assertThat(new DinFlags("06").kind()).isEqualTo(DinFlags.Kind.PILOT_TUBE);
        assertThat(new DinFlags("07").kind()).isEqualTo(DinFlags.Kind.TEST_TUBE);
        assertThat(new DinFlags("08").kind()).isEqualTo(DinFlags.Kind.DONOR_RECORD);
        assertThat(new DinFlags("09").kind()).isEqualTo(DinFlags.Kind.NAT_SAMPLE_TUBE);
        assertThat(new DinFlags("10").kind()).isEqualTo(DinFlags.Kind.BACTERIAL_TESTING_SAMPLE);
        assertThat(new DinFlags("11").kind()).isEqualTo(DinFlags.Kind.MATCH_WITH_UNIT);
        assertThat(new DinFlags("12").kind()).isEqualTo(DinFlags.Kind.AFFIXED_PARTIAL_LABEL);
        assertThat(new DinFlags("13").kind()).isEqualTo(DinFlags.Kind.ATTACHED_LABEL);
        assertThat(new DinFlags("20").kind()).isEqualTo(DinFlags.Kind.LOCAL);
        assertThat(new DinFlags("59").kind()).isEqualTo(DinFlags.Kind.LOCAL);
        assertThat(new DinFlags("60").checkValue()).hasValue(0);
        assertThat(new DinFlags("96").checkValue()).hasValue(36);
    }

    @Test
    void containers_1_to_4_and_5_to_9_of_a_set_use_flags_01_to_04_and_15_to_19() {
        for (int n = 1; n <= 9; n++) {
            DinFlags flags = DinFlags.container(n);
            assertThat(flags.kind()).isEqualTo(DinFlags.Kind.CONTAINER_OF_SET);
            assertThat(flags.containerNumber()).hasValue(n);
        }
        assertThat(DinFlags.container(4).code()).isEqualTo("04");
        assertThat(DinFlags.container(5).code()).isEqualTo("15");
        assertThat(DinFlags.container(9).code()).isEqualTo("19");
        assertRefused(() -> DinFlags.container(10), "dinFlags.container", MessageKey.OUT_OF_RANGE, 10, 1, 9);
    }

    @Test
    void flag_values_reserved_for_future_assignment_are_refused() {
        for (String reserved : new String[] {"14", "97", "98", "99", "A0", "0Y"}) {
            assertRefused(() -> DinFlags.parse("flags", reserved), "flags", MessageKey.RESERVED_VALUE, reserved,
                    "flag characters");
        }
    }

    @Test
    void flag_characters_outside_table_3_are_refused_by_position() {
        assertRefused(() -> Isbt128.parse("scannedDin", "=A9999211234560I"), "scannedDin",
                MessageKey.CHARACTER_NOT_ALLOWED, "I", 16, "flag characters", "0-9, A-H, J-N, P, R-Y");
    }

    @Test
    void a_data_structure_001_of_the_wrong_length_is_refused() {
        assertRefused(() -> Isbt128.parse("scannedDin", "=A999921123456"), "scannedDin", MessageKey.WRONG_LENGTH,
                "=A999921123456", 14, 16);
    }

    @Test
    void a_bad_character_in_a_scanned_din_is_reported_at_its_position_in_the_scan() {
        assertRefused(() -> Isbt128.parse("scannedDin", "=A99992112X45600"), "scannedDin",
                MessageKey.CHARACTER_NOT_ALLOWED, "X", 11, "sequence number", "0-9");
    }
}
