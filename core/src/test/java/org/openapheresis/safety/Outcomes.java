package org.openapheresis.safety;

import java.util.OptionalDouble;

/** Plan outcomes for the outcome rule tests: one value varied, the rest absent or ordinary. */
final class Outcomes {

    private Outcomes() {
    }

    static PlanOutcome exchange(double nadirMmolPerL, double iggPostGPerL) {
        return new PlanOutcome("Plasma exchange", true, false, 120, OptionalDouble.of(1.3),
                OptionalDouble.of(nadirMmolPerL), OptionalDouble.of(iggPostGPerL));
    }

    static PlanOutcome cellRun(double durationMin, double bloodVolumes) {
        return new PlanOutcome("HPC collection", true, true, durationMin, OptionalDouble.of(bloodVolumes),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    static PlanOutcome infusion(double durationMin) {
        return new PlanOutcome("IVIG infusion", false, false, durationMin, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(25));
    }
}
