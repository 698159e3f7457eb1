package org.openapheresis.server.schedule;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;

/**
 * A separator as the solver sees it: a problem fact.
 *
 * @param id the machine's record id
 * @param name what staff call it
 * @param runs the procedure types it is set up for
 */
public record UnitMachine(String id, String name, Set<ProcedureType> runs) {

    public UnitMachine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        runs = runs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(runs));
    }

    @Override
    public String toString() {
        return name;
    }
}
