package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;

/** calcium-mass-balance-zhao-2019-donor-studies.txt: ionised calcium as a mass balance with calcium given. */
class CalciumMassBalanceTest {

    private static final String FILE = "calcium-mass-balance-zhao-2019-donor-studies.txt";
    private static final double BASELINE = 1.2;

    /** One-volume albumin exchange for the Zhao patient, with the calcium object given (or none). */
    private static Plan exchange(Map<String, Object> calcium) {
        var patient = obj("sex", "male", "ageYears", 50, "heightCm", 175, "weightKg", 70, "hematocritPercent", 40,
                "labs", obj("ionizedCalciumMmolPerL", BASELINE));
        var procedure = obj("type", "plasma-exchange", "plasmaVolumes", 1.0);
        if (calcium != null) {
            procedure.put("calcium", calcium);
        }
        return Planner.plan(read(request(patient, procedure)), PlanOptions.withTimeline());
    }

    private static double fallAt(Plan p, double minute) {
        return p.timeline().stream().min(java.util.Comparator.comparingDouble(t -> Math.abs(t.get("minute") - minute)))
                .filter(t -> Math.abs(t.get("minute") - minute) < 1).map(t -> 1 - t.get("ionizedCalcium") / BASELINE)
                .orElseThrow();
    }

    private static double nadirFall(Plan p) {
        return 1 - p.predicted().get("ionizedCalcium").nadir() / BASELINE;
    }

    @Test
    void calcium_gluconate_at_1_0_and_1_6_g_per_hour_lowers_ionised_calcium_as_zhao_2019_measured() {
        for (String name : new String[] {"zhao10", "zhao16"}) {
            CellReferenceFile.Case c = CellReferenceFile.one(FILE, name);
            double fall = fallAt(exchange(obj("infusionMmolPerHour", c.get("infusionMmolPerH"))), c.get("minute"));
            assertThat(fall).as(name).isBetween(c.get("low"), c.get("high"));
        }
        double at25Low = fallAt(exchange(obj("infusionMmolPerHour", 2.32)), 25);
        double at25High = fallAt(exchange(obj("infusionMmolPerHour", 3.71)), 25);
        assertThat(at25High).as("more calcium, smaller fall").isLessThan(at25Low);
    }

    @Test
    void calcium_in_the_albumin_return_fluid_more_than_halves_the_fall_of_an_albumin_exchange_weinstein_1996() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "weinstein");
        double without = nadirFall(exchange(null));
        double with = nadirFall(exchange(obj("inReplacementMmolPerL", c.get("inReplacementMmolPerL"))));
        assertThat(with).isLessThan(c.get("ratio") * without);
        assertThat(without).as("albumin and discarded plasma take calcium: more than citrate alone").isGreaterThan(0.15);
    }

    @Test
    void ionised_calcium_is_mostly_back_30_minutes_after_a_plateletpheresis_donation() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "recovery30");
        BodyState s = BodyState.steadyState(70, 5000, 0.4, Map.of(), Map.of(), OptionalDouble.of(BASELINE));
        BodyState end = Simulator.run(s, new Exposure(0, 0, 0, Map.of(), Map.of(), c.get("mgPerKgPerMin") * 70),
                c.get("minutes"), Simulator.PROCEDURE_STEP_MIN, 0, (Simulator.Sampler) null);
        BodyState later = Simulator.run(end, Exposure.none(), c.get("after"), Simulator.PROCEDURE_STEP_MIN, 0,
                (Simulator.Sampler) null);
        double atEnd = end.ionizedCalcium().getAsDouble();
        double recovered = (later.ionizedCalcium().getAsDouble() - atEnd) / (BASELINE - atEnd);
        assertThat(recovered).isBetween(c.get("low"), c.get("high"));
    }

    @Test
    void a_long_collection_at_1_3_mg_per_kg_per_min_ends_near_the_published_0_93_mmol_per_l() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "lvl");
        BodyState s = BodyState.steadyState(70, 5000, 0.4, Map.of(), Map.of(), OptionalDouble.of(BASELINE));
        BodyState end = Simulator.run(s, new Exposure(0, 0, 0, Map.of(), Map.of(), c.get("mgPerKgPerMin") * 70),
                c.get("minutes"), Simulator.PROCEDURE_STEP_MIN, 0, (Simulator.Sampler) null);
        assertThat(end.ionizedCalcium().getAsDouble()).isBetween(c.get("low"), c.get("high"));
    }
}
