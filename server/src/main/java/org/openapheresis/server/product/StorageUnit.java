package org.openapheresis.server.product;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage unit of the lab and the range it is kept in; products stored "in" it name it as the first part of their
 * location ({@code LN2-1 / rack 2 / box 5 / A1}). A unit may be laid out in {@link StorageContainer}s whose
 * positions products are put in; its kind is its temperature class, which says what it may hold
 * ({@link #unfitFor}).
 *
 * @param kind {@code ln2}, {@code freezer}, {@code refrigerator} or {@code room}
 * @param lowestC the lowest temperature the unit keeps, °C (the unit's own limit)
 * @param highestC the highest, °C
 */
public record StorageUnit(String id, String name, String kind, double lowestC, double highestC, Instant createdAt,
        String createdBy) {

    /** The kinds of unit. */
    public static final List<String> KINDS = List.of("ln2", "freezer", "refrigerator", "room");

    public StorageUnit {
        Objects.requireNonNull(name, "name");
        if (!(lowestC < highestC)) {
            throw new IllegalArgumentException("the lowest temperature must be below the highest");
        }
    }

    /** Kinds that keep products frozen (liquid nitrogen vapour, a mechanical freezer). */
    public static final List<String> FROZEN_KINDS = List.of("ln2", "freezer");

    /**
     * Why this unit's temperature class cannot hold the product as it is now, when it cannot: a cryopreserved
     * product not yet thawed is kept frozen ({@code ln2} or {@code freezer}); a fresh or thawed product is not
     * frozen again by being put in one (it is cryopreserved, with its record, first); granulocytes are kept at 22 °C
     * without agitation, so on a room-temperature shelf, never in a refrigerator ({@link ProductKind#GRANULOCYTE_SOURCE}).
     */
    public Optional<String> unfitFor(Product p) {
        boolean frozenUnit = FROZEN_KINDS.contains(kind);
        if (p.frozen() && !p.thawed()) {
            return frozenUnit ? Optional.empty() : Optional.of("the product is cryopreserved: it is kept frozen, in a "
                    + "unit of kind " + String.join(" or ", FROZEN_KINDS));
        }
        String state = p.thawed() ? "thawed" : "fresh";
        if (frozenUnit) {
            return Optional.of("the product is " + state + ": it goes into a frozen unit only after its "
                    + "cryopreservation is recorded" + (p.thawed() ? " (a thawed product is not frozen again)" : ""));
        }
        if (p.kind() == ProductKind.GRANULOCYTES && !"room".equals(kind)) {
            return Optional.of("granulocytes are kept at 22 °C without agitation, in a unit of kind room ("
                    + ProductKind.GRANULOCYTE_SOURCE + ")");
        }
        return Optional.empty();
    }

    /** True when {@code celsius} lies outside the unit's range. */
    public boolean excursion(double celsius) {
        return celsius < lowestC || celsius > highestC;
    }

    /** One reading of the unit's log. */
    public record Reading(Instant at, double celsius, boolean excursion, Instant recordedAt, String recordedBy) {
    }

    /**
     * The unit with its last reading, its excursions (newest first) and its containers, each with how many of its
     * positions are taken.
     */
    public record View(StorageUnit unit, Optional<Reading> last, List<Reading> excursions, int readings,
            List<StorageContainer.Summary> containers) {
    }

    /**
     * The unit's position map: each container with the products in its positions, and the products stored in the
     * unit by a location that names no position (stored before the unit was laid out in containers).
     */
    public record PositionMap(StorageUnit unit, List<ContainerMap> containers, List<Product> withoutPosition) {
    }

    /** A container's positions: how many, how many free, and the product in each taken one (by position). */
    public record ContainerMap(StorageContainer container, int free, List<Slot> occupied) {
    }

    /** A taken position: the product in it, and who put it there, when. */
    public record Slot(String position, Product product, Instant storedAt, String storedBy) {
    }
}
