package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.BloodGroups.Abo;
import org.openapheresis.isbt128.BloodGroups.IntendedUse;
import org.openapheresis.isbt128.BloodGroups.RhD;
import org.openapheresis.system.MessageKey;

/** Data Structure 023, Compound Message, joining a label's structures for a 2-D symbol (ST-001 v6.2.2 §2.4.23). */
class CompoundMessageTest {

    static CompoundMessage autologousHpcLabel() {
        return CompoundMessage.of(
                DonationIdentificationNumber.withCheckFlags(Din.of("G1234", 17, 654_321)),
                BloodGroups.of(Abo.O, RhD.POSITIVE, IntendedUse.AUTOLOGOUS_ONLY),
                new ProductCode("S1194", "199"),
                new ProductDivisions("000001"),
                new CollectionDateTime(LocalDateTime.of(2026, 3, 1, 14, 30)),
                ExpirationDateTime.endOfDay(java.time.LocalDate.of(2036, 3, 1)),
                new ChainOfIdentityIdentifier("G1234", 26, "00042X"));
    }

    @Test
    void a_compound_message_joins_its_structures_with_no_intervening_characters() {
        assertThat(autologousHpcLabel().encode()).isEqualTo("=+07000" + "=G12341765432170" + "=%5300" + "=<S1194199"
                + "=,000001" + "&*0260601430" + "&>0360612359" + "&/CHG12342600042X");
    }

    @Test
    void a_compound_message_reads_back_to_the_same_structures() {
        CompoundMessage message = autologousHpcLabel();
        DataStructure read = Isbt128.parse("symbol", message.encode());
        assertThat(read).isEqualTo(message);
        CompoundMessage compound = (CompoundMessage) read;
        assertThat(compound.undefinedSequence()).isTrue();
        assertThat(compound.find(ProductCode.class)).contains(new ProductCode("S1194", "199"));
        assertThat(compound.find(ExpirationDate.class)).isEmpty();
        assertThat(compound.structures()).hasSize(7);
    }

    @Test
    void a_specified_sequence_number_is_kept() {
        CompoundMessage message = new CompoundMessage(17, List.of(BloodGroups.of(Abo.A, RhD.POSITIVE)));
        assertThat(message.encode()).isEqualTo("=+01017=%6200");
        assertThat(Isbt128.parse("symbol", "=+01017=%6200")).isEqualTo(message);
        assertThat(message.undefinedSequence()).isFalse();
    }

    @Test
    void a_compound_message_that_carries_fewer_structures_than_announced_is_refused() {
        assertRefused(() -> Isbt128.parse("symbol", "=+03000=%6200=<S1128V00"), "symbol",
                MessageKey.COMPOUND_COUNT_MISMATCH, 3, 2);
    }

    @Test
    void a_compound_message_that_carries_more_structures_than_announced_is_refused() {
        assertRefused(() -> Isbt128.parse("symbol", "=+01000=%6200=<S1128V00"), "symbol",
                MessageKey.COMPOUND_COUNT_MISMATCH, 1, 2);
    }

    @Test
    void a_structure_cut_short_at_the_end_is_refused_for_its_length() {
        assertRefused(() -> Isbt128.parse("symbol", "=+02000=%6200=<S1128V"), "symbol", MessageKey.WRONG_LENGTH,
                "=<S1128V", 8, 10);
    }

    @Test
    void an_error_inside_a_compound_message_is_reported_at_its_position_in_the_whole_text() {
        assertRefused(() -> Isbt128.parse("symbol", "=+02000=%6200=<S1128Z00"), "symbol",
                MessageKey.UNKNOWN_COLLECTION_TYPE, "Z");
        assertRefused(() -> Isbt128.parse("symbol", "=+02000=%6200=*02606O"), "symbol",
                MessageKey.CHARACTER_NOT_ALLOWED, "O", 21, "date cyyjjj", "0-9");
    }

    @Test
    void characters_between_structures_are_refused_as_an_unknown_data_identifier() {
        assertRefused(() -> Isbt128.parse("symbol", "=+02000=%6200 =<S1128V00"), "symbol",
                MessageKey.UNKNOWN_DATA_IDENTIFIER, " =<");
    }

    @Test
    void a_compound_message_cannot_contain_another() {
        assertRefused(() -> Isbt128.parse("symbol", "=+01000=+01000=%6200"), "symbol",
                MessageKey.COMPOUND_MESSAGE_NESTED);
        assertRefused(() -> CompoundMessage.of(CompoundMessage.of(BloodGroups.of(Abo.A, RhD.POSITIVE))),
                "compoundMessage.structures", MessageKey.COMPOUND_MESSAGE_NESTED);
    }

    @Test
    void a_compound_message_announces_at_least_one_structure() {
        assertRefused(() -> Isbt128.parse("symbol", "=+00000"), "symbol", MessageKey.OUT_OF_RANGE, 0, 1, 99);
        assertRefused(CompoundMessage::of, "compoundMessage.structures", MessageKey.OUT_OF_RANGE, 0, 1, 99);
    }

    @Test
    void a_non_digit_count_is_refused() {
        assertRefused(() -> Isbt128.parse("symbol", "=+0A000=%6200"), "symbol", MessageKey.CHARACTER_NOT_ALLOWED, "A",
                4, "number of data structures", "0-9");
    }
}
