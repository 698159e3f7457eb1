package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.separator.Device;

/** Invariants of the plasma exchange planner over seeded random adult patients. */
class PlasmaExchangeInvariantsTest {

    @Provide
    Arbitrary<Patient> adults() {
        return Combinators.combine(Arbitraries.of(Sex.values()), Arbitraries.doubles().between(150, 200),
                Arbitraries.doubles().between(45, 140), Arbitraries.doubles().between(25, 55),
                Arbitraries.doubles().between(5, 20), Arbitraries.doubles().between(1.5, 5),
                Arbitraries.doubles().between(60, 450)).as((sex, h, w, hct, igg, fib, plt) -> {
                    Map<Analyte, Double> labs = new EnumMap<>(Analyte.class);
                    labs.put(Analyte.IGG, igg);
                    labs.put(Analyte.FIBRINOGEN, fib);
                    labs.put(Analyte.PLATELETS, plt);
                    labs.put(Analyte.ALBUMIN, 38.0);
                    labs.put(Analyte.IONIZED_CALCIUM, 1.2);
                    return new Patient(sex, OptionalDouble.of(40), h, w, hct, OptionalDouble.empty(), new Labs(labs));
                });
    }

    static ProcedureSpec.PlasmaExchange exchange(double pv, Device device, double plasmaPercent, double fb) {
        return new ProcedureSpec.PlasmaExchange(new Separation(device, OptionalDouble.empty(), OptionalDouble.empty(),
                Anticoagulant.ACD_A), OptionalDouble.of(pv), OptionalDouble.empty(),
                new Replacement(100 - plasmaPercent, plasmaPercent), fb);
    }

    @Property(tries = 60, seed = "20261122")
    void plasma_volume_changes_by_exactly_the_net_fluid_balance(@ForAll("adults") Patient p,
            @ForAll @DoubleRange(min = 0.5, max = 2.0) double pv, @ForAll @DoubleRange(min = 80, max = 120) double fb,
            @ForAll Device device) {
        PlanRequest r = new PlanRequest(p, OptionalDouble.empty(), exchange(pv, device, 0, fb));
        BodyState start = Planner.steadyState(p);
        SessionResult s = Planner.session(r, start, PlanOptions.withoutTimeline());
        Plan.FluidBalance b = s.plan().fluidBalance();
        double simulated = s.end().plasmaVolumeMl() - start.plasmaVolumeMl();
        assertThat(simulated).isCloseTo(b.replacementMl() + b.anticoagulantToPatientMl() - b.removedMl(), within(2.0));
        assertThat(b.netMl()).isCloseTo(simulated, within(1.5));
    }

    @Property(tries = 60, seed = "20261122")
    void more_plasma_volumes_never_remove_less(@ForAll("adults") Patient p,
            @ForAll @DoubleRange(min = 0.3, max = 2.5) double pv, @ForAll Device device) {
        Plan less = Planner.plan(new PlanRequest(p, OptionalDouble.empty(), exchange(pv, device, 0, 100)),
                PlanOptions.withoutTimeline());
        Plan more = Planner.plan(new PlanRequest(p, OptionalDouble.empty(), exchange(pv + 0.2, device, 0, 100)),
                PlanOptions.withoutTimeline());
        for (String a : new String[] {"igg", "fibrinogen", "platelets"}) {
            assertThat(more.predicted().get(a).post()).as(a).isLessThanOrEqualTo(less.predicted().get(a).post());
        }
        assertThat(more.durationMin()).isGreaterThanOrEqualTo(less.durationMin());
        assertThat(more.predicted().get("ionizedCalcium").nadir())
                .isLessThanOrEqualTo(less.predicted().get("ionizedCalcium").nadir());
    }

    @Property(tries = 60, seed = "20261122")
    void values_stay_within_physical_bounds(@ForAll("adults") Patient p,
            @ForAll @DoubleRange(min = 0.3, max = 3.0) double pv,
            @ForAll @DoubleRange(min = 0, max = 100) double plasmaPercent, @ForAll Device device) {
        Plan plan = Planner.plan(new PlanRequest(p, OptionalDouble.empty(), exchange(pv, device, plasmaPercent, 100)),
                PlanOptions.withTimeline());
        plan.predicted().forEach((name, v) -> assertThat(v.post()).as(name).isGreaterThanOrEqualTo(0));
        assertThat(plan.predicted().get("igg").post()).isLessThanOrEqualTo(Math.max(plan.predicted().get("igg").pre(), 10));
        assertThat(plan.predicted().get("hematocrit").post()).isBetween(0.0, 100.0);
        var ca = plan.predicted().get("ionizedCalcium");
        assertThat(ca.nadir()).isBetween(0.0, ca.pre());
        assertThat(plan.anticoagulant().toPatientMl()).isBetween(0.0, plan.anticoagulant().volumeMl());
        assertThat(plan.bloodVolumesProcessed()).isGreaterThan(0);
        assertThat(plan.timeline()).isNotEmpty();
        assertThat(plan.timeline().get(plan.timeline().size() - 1).get("minute"))
                .isCloseTo(plan.durationMin(), within(0.6));
    }

    @Property(tries = 60, seed = "20261122")
    void the_contract_identities_hold(@ForAll("adults") Patient p, @ForAll @DoubleRange(min = 0.3, max = 3.0) double pv) {
        Plan plan = Planner.plan(new PlanRequest(p, OptionalDouble.empty(), exchange(pv, Device.CONTINUOUS_FLOW, 0, 100)),
                PlanOptions.withoutTimeline());
        assertThat(plan.plasmaVolumeMl()).isCloseTo(plan.bloodVolumeMl() * (1 - p.hematocritFraction()), within(1.0));
        assertThat(plan.bloodVolumesProcessed()).isCloseTo(plan.processedVolumeMl() / plan.bloodVolumeMl(),
                within(0.006));
        assertThat(plan.acFlowMlPerMin()).isCloseTo(plan.inletFlowMlPerMin() / plan.anticoagulant().acRatio(),
                within(0.06));
        double bloodFlow = plan.inletFlowMlPerMin() - plan.acFlowMlPerMin();
        assertThat(plan.durationMin()).isCloseTo(plan.processedVolumeMl() / bloodFlow, within(0.6));
    }
}
