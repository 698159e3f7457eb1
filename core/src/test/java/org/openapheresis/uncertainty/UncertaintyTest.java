package org.openapheresis.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.variation.Bands;
import org.openapheresis.variation.Parameter;

class UncertaintyTest {

    private static final PlanRequest EXCHANGE = Fixtures.exchangeRequest(Fixtures.adultMale80kg(), 1.0);

    @Test
    void the_same_seed_gives_the_same_bands_on_one_thread_or_on_all() throws Exception {
        Bands all = Uncertainty.plan(EXCHANGE, 100, 7);
        Bands one = new ForkJoinPool(1).submit(() -> Uncertainty.plan(EXCHANGE, 100, 7)).get();
        assertThat(one).isEqualTo(all);
        assertThat(Uncertainty.plan(EXCHANGE, 100, 8)).isNotEqualTo(all);
    }

    @Test
    void the_bands_are_ordered_hold_the_published_model_and_name_plausible_drivers() {
        Bands b = Uncertainty.plan(EXCHANGE, 200, 3);
        Plan nominal = Planner.plan(EXCHANGE, PlanOptions.withoutTimeline());
        assertThat(b.percentiles()).containsExactly(5, 50, 95);
        b.predicted().forEach((analyte, values) -> values.forEach((what, band) -> {
            assertThat(band.get(0)).as(analyte + "." + what).isLessThanOrEqualTo(band.get(1));
            assertThat(band.get(1)).as(analyte + "." + what).isLessThanOrEqualTo(band.get(2));
        }));
        List<Double> bv = b.quantities().get("bloodVolumeMl");
        assertThat(nominal.bloodVolumeMl()).isBetween(bv.get(0), bv.get(2));
        assertThat(bv.get(0)).isLessThan(bv.get(2));
        assertThat(b.timeline()).isNotEmpty();
        assertThat(b.timeline().get(0).minute()).isZero();
        Bands.Drivers ca = b.sensitivity().stream().filter(d -> d.output().equals("predicted.ionizedCalcium.nadir"))
                .findFirst().orElseThrow();
        assertThat(Math.abs(ca.parameters().get(0).rankCorrelation())).isGreaterThan(0.5);
        assertThat(ca.parameters()).extracting(Bands.Driver::parameter).doesNotContain(Parameter.CD34_CE2.code());
        Bands.Drivers fib = b.sensitivity().stream().filter(d -> d.output().equals("predicted.fibrinogen.post"))
                .findFirst().orElseThrow();
        assertThat(fib.parameters().get(0).parameter()).startsWith("fibrinogen");
        assertThat(b.parameters()).hasSize(Parameter.values().length);
    }

    @Test
    void a_count_outside_10_to_10000_is_refused_naming_the_field() {
        var e = catchThrowableOfType(InvalidInputException.class, () -> Uncertainty.plan(EXCHANGE, 5, 1));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("uncertainty");
            assertThat(p.key()).isEqualTo(MessageKey.OUT_OF_RANGE);
        });
    }

    @Test
    void without_bands_the_plan_has_no_uncertainty_block() {
        assertThat(Planner.plan(EXCHANGE, PlanOptions.withoutTimeline()).uncertainty()).isNull();
    }
}
