package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;

/** Data Structure 003, Product Code {@code =<αooootds} (ST-001 v6.2.2 §2.4.3, Table 7). */
class ProductCodeTest {

    @Test
    void an_undivided_volunteer_hpc_apheresis_code_reads_into_its_parts() {
        ProductCode code = Isbt128.parse("productCode", "=<S1128V00", ProductCode.class);
        assertThat(code.descriptionCode()).isEqualTo("S1128");
        assertThat(code.family()).isEqualTo(ProductFamily.CELLULAR_THERAPY);
        assertThat(code.collectionType()).contains(CollectionType.VOLUNTEER_ALLOGENEIC);
        assertThat(code.divisionCode()).contains("00");
        assertThat(code.undivided()).isTrue();
        assertThat(code.encode()).isEqualTo("=<S1128V00");
    }

    @Test
    void an_autologous_only_code_carries_collection_type_1() {
        ProductCode code = ProductCode.of("S1194", CollectionType.AUTOLOGOUS_ONLY, ProductCode.UNDIVIDED);
        assertThat(code.encode()).isEqualTo("=<S11941" + "00");
        assertThat(Isbt128.parse("productCode", "=<S1194100")).isEqualTo(code);
        assertThat(code.collectionType()).contains(CollectionType.AUTOLOGOUS_ONLY);
    }

    @Test
    void the_figure_3_code_divides_with_an_upper_case_then_a_lower_case_character() {
        ProductCode code = Isbt128.parse("productCode", "=<S12954A0", ProductCode.class);
        assertThat(code.descriptionCode()).isEqualTo("S1295");
        assertThat(code.collectionType()).contains(CollectionType.DESIGNATED);
        assertThat(code.divisionCode()).contains("A0");
        assertThat(code.undivided()).isFalse();
        assertThat(Isbt128.parse("productCode", "=<S12954Ab", ProductCode.class).divisionCode()).contains("Ab");
    }

    @Test
    void division_99_sends_the_reader_to_data_structure_032() {
        assertThat(new ProductCode("S1128", "V99").divisionsInDataStructure032()).isTrue();
        assertThat(new ProductCode("S1128", "V00").divisionsInDataStructure032()).isFalse();
    }

    @Test
    void the_blood_label_code_of_figure_20_is_a_volunteer_blood_component() {
        ProductCode code = Isbt128.parse("productCode", "=<E4306V00", ProductCode.class);
        assertThat(code.family()).isEqualTo(ProductFamily.BLOOD_COMPONENTS);
        assertThat(code.collectionType()).contains(CollectionType.VOLUNTEER_ALLOGENEIC);
    }

    @Test
    void tissue_codes_carry_a_three_digit_pack_code_as_on_the_labels_of_figure_21() {
        ProductCode pack3 = Isbt128.parse("productCode", "=<T0326003", ProductCode.class);
        assertThat(pack3.family()).isEqualTo(ProductFamily.TISSUES);
        assertThat(pack3.collectionType()).isEmpty();
        assertThat(pack3.divisionCode()).contains("003");
        assertThat(Isbt128.parse("productCode", "=<T0269000", ProductCode.class).undivided()).isTrue();
        assertRefused(() -> Isbt128.parse("productCode", "=<T0326V00"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "V", 8, "division or pack code", "0-9");
    }

    @Test
    void plasma_derivatives_x0_carry_a_collection_type_and_x1_to_x9_carry_000() {
        assertThat(new ProductCode("X0123", "V00").collectionType()).contains(CollectionType.VOLUNTEER_ALLOGENEIC);
        assertThat(new ProductCode("X5123", "000").divisionCode()).isEmpty();
        assertRefused(() -> Isbt128.parse("productCode", "=<X5123V00"), "productCode", MessageKey.NOT_ONE_OF,
                "V00", "000");
    }

    @Test
    void local_codes_d_have_their_tds_defined_locally_so_only_the_character_sets_are_checked() {
        ProductCode code = new ProductCode("DEX01", "z9a");
        assertThat(code.family()).isEqualTo(ProductFamily.LOCAL);
        assertThat(code.collectionType()).isEmpty();
        assertThat(code.divisionCode()).isEmpty();
    }

    @Test
    void a_collection_type_outside_table_7_is_refused() {
        assertRefused(() -> Isbt128.parse("productCode", "=<S1128Z00"), "productCode",
                MessageKey.UNKNOWN_COLLECTION_TYPE, "Z");
    }

    @Test
    void the_division_code_takes_an_upper_case_character_then_a_lower_case_one() {
        assertRefused(() -> Isbt128.parse("productCode", "=<S1128Vaa"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "a", 9, "division code", "A-Z, 0-9");
        assertRefused(() -> Isbt128.parse("productCode", "=<S1128VAA"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "A", 10, "division code", "a-z, 0-9");
    }

    @Test
    void a_first_character_that_selects_no_family_is_refused() {
        assertRefused(() -> Isbt128.parse("productCode", "=<G1234V00"), "productCode",
                MessageKey.UNKNOWN_PRODUCT_FAMILY, "G");
        assertRefused(() -> Isbt128.parse("productCode", "=<11234V00"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "1", 3, "product family character", "A-Z");
    }

    @Test
    void clinical_trials_codes_begin_ya_to_yz_and_other_blood_products_x_and_a_digit() {
        assertThat(new ProductCode("YA123", "V00").family()).isEqualTo(ProductFamily.CLINICAL_TRIALS);
        assertRefused(() -> Isbt128.parse("productCode", "=<Y1234V00"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "1", 4, "clinical trials code", "A-Z");
        assertRefused(() -> Isbt128.parse("productCode", "=<XA123000"), "productCode",
                MessageKey.CHARACTER_NOT_ALLOWED, "A", 4, "plasma derivative or diagnostic code", "0-9");
    }

    @Test
    void a_product_code_of_the_wrong_length_is_refused() {
        assertRefused(() -> Isbt128.parse("productCode", "=<S1128V0"), "productCode", MessageKey.WRONG_LENGTH,
                "=<S1128V0", 9, 10);
        assertRefused(() -> new ProductCode("S112", "V00"), "productCode.descriptionCode", MessageKey.WRONG_LENGTH,
                "S112", 4, 5);
    }

    @Test
    void every_collection_type_of_table_7_round_trips_through_a_cellular_therapy_code() {
        for (CollectionType type : CollectionType.values()) {
            ProductCode code = ProductCode.of("S1128", type, "00");
            assertThat(Isbt128.parse("productCode", code.encode())).as(type.name()).isEqualTo(code);
            assertThat(CollectionType.of(type.code())).contains(type);
        }
        assertThat(CollectionType.values()).hasSize(29);
    }
}
