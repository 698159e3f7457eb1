package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;

/** Which storage unit may hold a product as it is now (its kind is its temperature class), and a container's grid. */
class StorageUnitFitTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private static StorageUnit unit(String kind, double low, double high) {
        return new StorageUnit("u", kind.toUpperCase(java.util.Locale.ROOT) + "-1", kind, low, high, T, "lab");
    }

    private static Product product(ProductKind kind, boolean frozen, boolean thawed) {
        return new Product("p", 1, Din.of("A9999", 26, 1), "S1128", CollectionType.AUTOLOGOUS_ONLY, "00", kind,
                ProductStatus.RELEASED, Optional.empty(), "s", "d", "d", true, T, T.plusSeconds(86_400), 100,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "ACD-A", frozen ? Optional.of(10.0) : Optional.empty(), frozen, thawed, false, Optional.empty(), T, "lab");
    }

    @Test
    void a_cryopreserved_product_goes_into_a_tank_or_a_freezer_and_nowhere_warmer() {
        Product frozen = product(ProductKind.HPC, true, false);
        assertThat(unit("ln2", -196, -150).unfitFor(frozen)).isEmpty();
        assertThat(unit("freezer", -90, -65).unfitFor(frozen)).isEmpty();
        assertThat(unit("refrigerator", 2, 8).unfitFor(frozen)).hasValueSatisfying(w -> assertThat(w).contains("cryopreserved"));
        assertThat(unit("room", 20, 24).unfitFor(frozen)).isPresent();
    }

    @Test
    void a_fresh_or_thawed_product_is_not_put_into_a_frozen_unit() {
        assertThat(unit("ln2", -196, -150).unfitFor(product(ProductKind.HPC, false, false)))
                .hasValueSatisfying(w -> assertThat(w).contains("fresh"));
        assertThat(unit("freezer", -90, -65).unfitFor(product(ProductKind.LYMPHOCYTES, true, true)))
                .hasValueSatisfying(w -> assertThat(w).contains("thawed"));
        assertThat(unit("refrigerator", 2, 8).unfitFor(product(ProductKind.HPC, false, false))).isEmpty();
        assertThat(unit("room", 20, 24).unfitFor(product(ProductKind.LYMPHOCYTES, true, true))).isEmpty();
    }

    @Test
    void granulocytes_are_kept_at_room_temperature_never_in_a_refrigerator() {
        Product granulocytes = product(ProductKind.GRANULOCYTES, false, false);
        assertThat(unit("room", 20, 24).unfitFor(granulocytes)).isEmpty();
        assertThat(unit("refrigerator", 2, 8).unfitFor(granulocytes)).hasValueSatisfying(w -> assertThat(w)
                .contains("22 °C"));
    }

    @Test
    void a_container_names_its_positions_by_row_letter_and_column_number_inside_its_grid_only() {
        StorageContainer box = new StorageContainer("c", "u", "  rack 2 /box 5 ", 9, 9, T, "lab");
        assertThat(box.name()).isEqualTo("rack 2 / box 5");
        assertThat(box.capacity()).isEqualTo(81);
        assertThat(box.lastPosition()).isEqualTo("I9");
        assertThat(box.positions()).startsWith("A1", "A2").endsWith("I8", "I9").hasSize(81);
        assertThat(box.position("b 3")).hasValue("B3");
        assertThat(box.position("i9")).hasValue("I9");
        assertThat(box.position("J1")).isEmpty();
        assertThat(box.position("A10")).isEmpty();
        assertThat(box.position("A0")).isEmpty();
        assertThat(box.position("11")).isEmpty();
        assertThat(StorageContainer.nameKey("Rack 2/Box 5")).isEqualTo(StorageContainer.nameKey("rack 2 / box 5"));
    }
}
