package org.openapheresis.server.product.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.ProductCode;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** What a label needs, refused at construction with the field named; and the texts it derives from its records. */
class LabelContentTest {

    private static final LabelContent L = Labels.autologousHpcApheresis();

    @Test
    void a_label_without_a_din_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new LabelContent(null, L.facilityName(), L.bloodGroups(), L.productCode(),
                L.productDescription(), L.expiration(), L.collection(), L.specialTesting(), L.intendedRecipient()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key)
                        .containsExactly(tuple("label.donationIdentificationNumber", MessageKey.REQUIRED)));
    }

    @Test
    void every_missing_part_is_named_at_once() {
        assertThatThrownBy(() -> new LabelContent(null, " ", null, L.productCode(), L.productDescription(), null,
                Optional.empty(), Optional.empty(), L.intendedRecipient()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key)
                        .containsExactly(tuple("label.donationIdentificationNumber", MessageKey.REQUIRED),
                                tuple("label.facilityName", MessageKey.BLANK),
                                tuple("label.bloodGroups", MessageKey.REQUIRED),
                                tuple("label.expiration", MessageKey.REQUIRED)));
    }

    @Test
    void an_autologous_product_without_its_recipient_is_refused() {
        assertThatThrownBy(() -> new LabelContent(L.donationIdentificationNumber(), L.facilityName(), L.bloodGroups(),
                L.productCode(), L.productDescription(), L.expiration(), L.collection(), L.specialTesting(),
                Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key)
                        .containsExactly(tuple("label.intendedRecipient", MessageKey.REQUIRED_WHEN)));
    }

    @Test
    void a_description_of_another_code_is_refused() {
        ProductCode other = ProductCode.of("S1194", CollectionType.AUTOLOGOUS_ONLY, ProductCode.UNDIVIDED);

        assertThatThrownBy(() -> new LabelContent(L.donationIdentificationNumber(), L.facilityName(), L.bloodGroups(),
                other, L.productDescription(), L.expiration(), L.collection(), L.specialTesting(), L.intendedRecipient()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key, Problem::params)
                        .containsExactly(tuple("label.productDescription", MessageKey.NOT_ONE_OF,
                                java.util.List.of("S1128", "S1194"))));
    }

    @Test
    void an_example_row_of_the_table_is_refused() {
        ProductCode example = ProductCode.of("DEX01", CollectionType.AUTOLOGOUS_ONLY, ProductCode.UNDIVIDED);

        assertThatThrownBy(() -> new LabelContent(L.donationIdentificationNumber(), L.facilityName(), L.bloodGroups(),
                example, Labels.sampleTable().lookup("productCode", example), L.expiration(), L.collection(),
                L.specialTesting(), L.intendedRecipient()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key)
                        .containsExactly(tuple("label.productDescription", MessageKey.INVALID)));
    }

    @Test
    void a_control_character_in_a_printed_text_is_refused_with_its_position() {
        assertThatThrownBy(() -> new IntendedRecipient("NOWAK,\nŁucja", "MRN 0012345"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::key, Problem::params)
                        .containsExactly(tuple("intendedRecipient.name", MessageKey.INVALID_CHARACTER,
                                java.util.List.of("U+000A", 7))));
    }

    @Test
    void the_eye_readable_texts_are_derived_from_the_data_structures() {
        assertThat(L.printedDin()).isEqualTo("A9999 26 123456");
        assertThat(L.checkCharacter()).isEqualTo(L.donationIdentificationNumber().din().checkCharacter());
        assertThat(L.printedFlags()).isEmpty();
        assertThat(L.bloodGroupsText()).isEqualTo("O RhD POSITIVE");
        assertThat(L.expirationText()).isEqualTo("30 JAN 2026 14:30");
        assertThat(L.collectionText()).contains("27 JAN 2026 14:30");
        assertThat(L.intendedUseStatement()).contains("FOR AUTOLOGOUS USE ONLY");
        assertThat(L.compoundMessage().encode())
                .isEqualTo("=+05000=A99992612345600=%5300=<S1128100&>0260301430&*0260271430");
    }
}
