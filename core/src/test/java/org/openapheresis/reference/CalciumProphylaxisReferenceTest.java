package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.Replacement;
import org.openapheresis.procedure.Separation;

class CalciumProphylaxisReferenceTest {

    @Test
    void a_three_litre_albumin_exchange_suggests_30_ml_of_calcium_gluconate_case_16() {
        String[] r = ReferenceFile.load("calcium-prophylaxis-physiology-case-16.txt").rows().get(0);
        var spec = new ProcedureSpec.PlasmaExchange(Separation.defaults(), OptionalDouble.empty(),
                OptionalDouble.of(ReferenceFile.num(r, 0)), Replacement.allAlbumin(), 100);
        Plan p = Planner.plan(new PlanRequest(Fixtures.adultMale80kg(), OptionalDouble.empty(), spec),
                PlanOptions.withoutTimeline());
        assertThat(p.replacement().calciumGluconate10PercentMl()).isCloseTo(ReferenceFile.num(r, 1), within(1.0));
        assertThat(p.replacement().elementalCalciumMg()).isCloseTo(ReferenceFile.num(r, 2), within(2.0));
    }

    @Test
    void no_calcium_is_added_to_donor_plasma() {
        var spec = new ProcedureSpec.PlasmaExchange(Separation.defaults(), OptionalDouble.of(1.0),
                OptionalDouble.empty(), new Replacement(0, 100), 100);
        Plan p = Planner.plan(new PlanRequest(Fixtures.adultMale80kg(), OptionalDouble.empty(), spec),
                PlanOptions.withoutTimeline());
        assertThat(p.replacement().calciumGluconate10PercentMl()).isZero();
    }
}
