package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.BloodGroups.Abo;
import org.openapheresis.isbt128.BloodGroups.RhD;
import org.openapheresis.system.MessageKey;

/** Recognising data identifiers and reading every supported structure (ST-001 v6.2.2 §2.1–2.3, Table 2). */
class Isbt128ParseTest {

    /** One example of every supported data structure. */
    static List<DataStructure> oneOfEach() {
        return List.of(
                DonationIdentificationNumber.of(Din.of("A9999", 21, 123_456)),
                BloodGroups.of(Abo.B, RhD.NEGATIVE),
                new ProductCode("S1398", "V00"),
                new ExpirationDate(LocalDate.of(2027, 12, 31)),
                new ExpirationDateTime(LocalDateTime.of(2026, 6, 30, 12, 0)),
                new CollectionDate(LocalDate.of(2026, 1, 1)),
                new CollectionDateTime(LocalDateTime.of(2026, 1, 1, 0, 0)),
                new ProductDivisions("AB0000"),
                new ChainOfIdentityIdentifier("A9999", 26, "ZZ0001"),
                CompoundMessage.of(BloodGroups.of(Abo.O, RhD.NEGATIVE), new ProductCode("S1128", "100")));
    }

    @Test
    void every_supported_structure_reads_back_from_its_encoding_to_an_equal_record() {
        for (DataStructure structure : oneOfEach()) {
            assertThat(Isbt128.parse("scan", structure.encode())).as(structure.encode()).isEqualTo(structure);
            assertThat(Isbt128.parse("scan", structure.encode(), structure.getClass())).isEqualTo(structure);
        }
    }

    @Test
    void the_round_trip_covers_every_structure_marked_supported() {
        Set<DataStructureType> covered = oneOfEach().stream().map(DataStructure::type).collect(Collectors.toSet());
        Set<DataStructureType> supported = Arrays.stream(DataStructureType.values()).filter(DataStructureType::supported)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataStructureType.class)));
        assertThat(covered).isEqualTo(supported);
    }

    @Test
    void each_encoding_is_its_data_identifier_then_its_data_content() {
        for (DataStructure structure : oneOfEach()) {
            String identifierAndContent = structure.type().dataIdentifier() + structure.dataContent();
            if (structure instanceof CompoundMessage compound) {
                assertThat(structure.encode()).isEqualTo(identifierAndContent
                        + compound.structures().stream().map(DataStructure::encode).collect(Collectors.joining()));
            } else {
                assertThat(structure.encode()).isEqualTo(identifierAndContent);
            }
        }
    }

    @Test
    void text_that_begins_with_no_isbt_128_data_identifier_is_refused() {
        assertRefused(() -> Isbt128.parse("scan", "0123456789"), "scan", MessageKey.UNKNOWN_DATA_IDENTIFIER, "012");
        assertRefused(() -> Isbt128.parse("scan", "=0A9999"), "scan", MessageKey.UNKNOWN_DATA_IDENTIFIER, "=0A");
        assertRefused(() -> Isbt128.parse("scan", "&,9ABC"), "scan", MessageKey.UNKNOWN_DATA_IDENTIFIER, "&,9");
        assertRefused(() -> Isbt128.parse("scan", "="), "scan", MessageKey.UNKNOWN_DATA_IDENTIFIER, "=");
    }

    @Test
    void a_structure_of_st001_that_this_codec_does_not_read_is_refused_by_number_and_name() {
        assertRefused(() -> Isbt128.parse("scan", "&(N0001"), "scan", MessageKey.UNSUPPORTED_DATA_STRUCTURE, "010",
                "Special Testing: General", "&(");
        assertRefused(() -> Isbt128.parse("scan", "&,1ABCDEFGHIJKLMNOPQR"), "scan",
                MessageKey.UNSUPPORTED_DATA_STRUCTURE, "035", "MPHO Lot Number", "&,1");
        assertRefused(() -> Isbt128.parse("scan", "&xLOCAL"), "scan", MessageKey.UNSUPPORTED_DATA_STRUCTURE, "none",
                "Data structure not defined by ICCBBA", "&x");
    }

    @Test
    void text_longer_than_its_structure_is_refused_so_a_trailing_character_is_never_dropped() {
        assertRefused(() -> Isbt128.parse("scan", "=<S1128V00\r"), "scan", MessageKey.WRONG_LENGTH, "=<S1128V00\r",
                11, 10);
    }

    @Test
    void empty_or_missing_text_is_required() {
        assertRefused(() -> Isbt128.parse("scan", ""), "scan", MessageKey.REQUIRED);
        assertRefused(() -> Isbt128.parse("scan", null), "scan", MessageKey.REQUIRED);
    }

    @Test
    void a_product_code_scanned_at_a_din_prompt_is_refused_as_the_wrong_data_structure() {
        assertRefused(() -> Isbt128.parse("scannedDin", "=<S1128V00", DonationIdentificationNumber.class),
                "scannedDin", MessageKey.WRONG_DATA_STRUCTURE, "data structure 001 (Donation Identification Number)",
                "data structure 003 (Product Code)");
    }

    @Test
    void data_structure_numbers_follow_table_2() {
        assertThat(DataStructureType.PRODUCT_CODE.numberText()).isEqualTo("003");
        assertThat(DataStructureType.CHAIN_OF_IDENTITY_IDENTIFIER.number()).isEqualTo(40);
        assertThat(DataStructureType.values()).filteredOn(t -> t.number() > 0).hasSize(40);
        assertThat(Arrays.stream(DataStructureType.values()).map(DataStructureType::dataIdentifier).distinct())
                .hasSize(DataStructureType.values().length);
    }
}
