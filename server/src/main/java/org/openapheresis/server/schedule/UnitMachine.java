package org.openapheresis.server.schedule;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;

/**
 * A separator as the solver sees it: a problem fact.
 *
 * @param id the machine's record id
 * @param name what staff call it
 * @param runs the procedure types it is set up for
 * @param outOfService when it may not run in the days planned (servicing, repair), on the plan's clock
 */
public record UnitMachine(String id, String name, Set<ProcedureType> runs, List<Span> outOfService) {

    public UnitMachine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        runs = runs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(runs));
        outOfService = Span.merged(outOfService);
    }

    /** A machine in service the whole time. */
    public UnitMachine(String id, String name, Set<ProcedureType> runs) {
        this(id, name, runs, List.of());
    }

    /** Minutes of {@code [start, end)} the machine is out of service. */
    public int minutesOutOfService(int start, int end) {
        return Span.coveredMin(outOfService, start, end);
    }

    @Override
    public String toString() {
        return name;
    }
}
