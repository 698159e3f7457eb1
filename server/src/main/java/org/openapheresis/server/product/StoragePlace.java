package org.openapheresis.server.product;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a product is: a position of a container of a storage unit, and who put it there, when.
 *
 * @param position the position as its container names it, e.g. {@code A1}
 */
public record StoragePlace(StorageUnit unit, StorageContainer container, String position, Instant storedAt,
        String storedBy) {

    public StoragePlace {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(position, "position");
    }

    /** The place as a product's location reads: {@code LN2-1 / rack 2 / box 5 / A1}. */
    public String location() {
        return location(unit, container, position);
    }

    static String location(StorageUnit unit, StorageContainer container, String position) {
        return unit.name() + " / " + container.name() + " / " + position;
    }
}
