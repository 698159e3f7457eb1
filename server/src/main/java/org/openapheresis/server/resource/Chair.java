package org.openapheresis.server.resource;

import java.util.Objects;

/**
 * A chair or bed of the unit, where a patient sits or lies for a procedure or an infusion.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param name what staff call it, unique in the unit whatever the letter case (e.g. {@code Chair 1})
 * @param bed true for a bed
 * @param active false when it is out of the unit's list
 */
public record Chair(String id, int version, String name, boolean bed, boolean active) {

    public Chair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
