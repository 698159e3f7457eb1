package org.openapheresis.server.product;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage unit of the lab and the range it is kept in; products stored "in" it name it as the first part of their
 * location ({@code LN2-1 / rack 2 / box 5 / A1}).
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

    /** True when {@code celsius} lies outside the unit's range. */
    public boolean excursion(double celsius) {
        return celsius < lowestC || celsius > highestC;
    }

    /** One reading of the unit's log. */
    public record Reading(Instant at, double celsius, boolean excursion, Instant recordedAt, String recordedBy) {
    }

    /** The unit with its last reading and its excursions (newest first). */
    public record View(StorageUnit unit, Optional<Reading> last, List<Reading> excursions, int readings) {
    }
}
