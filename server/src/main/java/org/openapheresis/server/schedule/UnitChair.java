package org.openapheresis.server.schedule;

import java.util.Objects;

/**
 * A chair or bed as the solver sees it: a problem fact.
 *
 * @param id the chair's record id
 * @param name what staff call it
 */
public record UnitChair(String id, String name) {

    public UnitChair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
