package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Invariants of the cell procedures over seeded random patients: fractions stay in 0..1, more blood processed
 * never collects or removes less, an explicit CE2 gives exactly pre x volume x CE2, and planning from a target
 * agrees with planning the volume it gives.
 */
class CellProcedureInvariantsTest {

    private static final String SEED = "20261122";

    /** A random adult donor or patient with every count the cell procedures read and a measured blood volume. */
    record Body(Map<String, Object> patient, double bloodVolumeMl, double weightKg) {
    }

    @Provide
    Arbitrary<Body> bodies() {
        return Combinators.combine(
                Arbitraries.of("male", "female"),
                Arbitraries.doubles().between(150, 195),
                Arbitraries.doubles().between(50, 110),
                Arbitraries.doubles().between(25, 50),
                Arbitraries.doubles().between(60, 80),
                Arbitraries.doubles().between(5, 400)).as((sex, height, weight, hct, mlPerKg, count) -> {
                    double bv = Math.round(weight * mlPerKg);
                    Map<String, Object> labs = obj("wbcE9PerL", count, "cd34PerUl", count / 4, "cd3PerUl", count * 5,
                            "neutrophilsE9PerL", Math.min(60, count / 5), "plateletsE9PerL", 150,
                            "ionizedCalciumMmolPerL", 1.2);
                    Map<String, Object> p = obj("sex", sex, "ageYears", 40, "heightCm", height, "weightKg", weight,
                            "hematocritPercent", hct, "bloodVolumeMl", bv, "labs", labs);
                    return new Body(p, bv, weight);
                });
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("leukocytapheresis", "hpc-collection", "lymphocyte-collection", "granulocyte-collection");
    }

    @Property(tries = 60, seed = SEED)
    void predicted_fractions_and_shares_stay_within_0_and_1(@ForAll("bodies") Body b, @ForAll("types") String type,
            @ForAll @DoubleRange(min = 0.5, max = 4) double bloodVolumes) {
        Plan p = plan(request(b.patient(), obj("type", type, "bloodVolumesProcessed", bloodVolumes)));
        for (var e : p.predicted().entrySet()) {
            Plan.Prediction pr = e.getValue();
            assertThat(pr.post()).as(e.getKey()).isGreaterThanOrEqualTo(0);
            if (!e.getKey().equals("hematocrit") && !e.getKey().equals("ionizedCalcium")) {
                assertThat(pr.post()).as(e.getKey()).isLessThanOrEqualTo(pr.pre());
            }
        }
        assertThat(p.predicted().get("hematocrit").post()).isBetween(0.0, 100.0);
        double share = p.anticoagulant().toPatientMl() / p.anticoagulant().volumeMl();
        assertThat(share).isBetween(0.0, 1.0);
        assertThat(p.predicted().get("ionizedCalcium").nadir()).isBetween(0.0, 1.2);
    }

    @Property(tries = 40, seed = SEED)
    void more_blood_volumes_never_collect_or_remove_less(@ForAll("bodies") Body b, @ForAll("types") String type,
            @ForAll @DoubleRange(min = 0.5, max = 3.5) double bloodVolumes) {
        Plan less = plan(request(b.patient(), 70, obj("type", type, "bloodVolumesProcessed", bloodVolumes)));
        Plan more = plan(request(b.patient(), 70, obj("type", type, "bloodVolumesProcessed", bloodVolumes + 0.5)));
        assertThat(amount(more)).isGreaterThanOrEqualTo(amount(less));
        String target = targetAnalyte(type);
        assertThat(more.predicted().get(target).post()).isLessThanOrEqualTo(less.predicted().get(target).post());
    }

    @Property(tries = 40, seed = SEED)
    void an_explicit_ce2_collects_exactly_pre_count_times_volume_times_ce2(@ForAll("bodies") Body b,
            @ForAll @DoubleRange(min = 1, max = 100) double cePercent,
            @ForAll @DoubleRange(min = 0.5, max = 4) double bloodVolumes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> labs = (Map<String, Object>) b.patient().get("labs");
        for (String type : List.of("hpc-collection", "lymphocyte-collection", "granulocyte-collection")) {
            Plan p = plan(request(b.patient(), 70, obj("type", type, "bloodVolumesProcessed", bloodVolumes,
                    "collectionEfficiencyPercent", cePercent)));
            double pre;
            double perMl;
            if (type.equals("hpc-collection")) {
                pre = (double) labs.get("cd34PerUl");
                perMl = 1000;
            } else if (type.equals("lymphocyte-collection")) {
                pre = (double) labs.get("cd3PerUl");
                perMl = 1000;
            } else {
                pre = (double) labs.get("neutrophilsE9PerL");
                perMl = 1e6;
            }
            double expected = pre * perMl * p.processedVolumeMl() * cePercent / 100;
            assertThat(amount(p)).as(type).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-9));
        }
    }

    @Property(tries = 40, seed = SEED)
    void planning_from_a_target_and_from_the_volume_it_gives_agree(@ForAll("bodies") Body b,
            @ForAll @DoubleRange(min = 1e6, max = 8e6) double cd34PerKg) {
        Plan inverse = plan(request(b.patient(), 70, obj("type", "hpc-collection", "target", obj("cd34PerKg",
                cd34PerKg))));
        // The contract accepts 0.5-5 blood volumes as a dose; a target may need less.
        Assume.that(inverse.processedVolumeMl() / b.bloodVolumeMl() >= 0.5);
        Plan forward = plan(request(b.patient(), 70, obj("type", "hpc-collection", "bloodVolumesProcessed",
                inverse.processedVolumeMl() / b.bloodVolumeMl())));
        assertThat(forward.processedVolumeMl()).isEqualTo(inverse.processedVolumeMl());
        assertThat(forward.collected().cd34Cells()).isEqualTo(inverse.collected().cd34Cells());
        if (inverse.sessionsNeeded() == 1) {
            double perMl = forward.collected().cd34PerKg() / forward.processedVolumeMl();
            assertThat(forward.collected().cd34PerKg()).isBetween(cd34PerKg, cd34PerKg + perMl * 1.0001);
        } else {
            assertThat(forward.collected().cd34PerKg() * inverse.sessionsNeeded()).isGreaterThanOrEqualTo(cd34PerKg);
        }
    }

    @Property(tries = 25, seed = SEED)
    void a_wbc_target_is_met_by_the_volume_planned_for_it_and_not_by_less(@ForAll("bodies") Body b,
            @ForAll @DoubleRange(min = 0.6, max = 0.9) double targetShare) {
        @SuppressWarnings("unchecked")
        double pre = (double) ((Map<String, Object>) b.patient().get("labs")).get("wbcE9PerL");
        double target = pre * targetShare;
        Plan inverse = plan(request(b.patient(), obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", target))));
        if (inverse.sessionsNeeded() > 1) {
            return;
        }
        PlanRequest r = CellRequests.read(request(b.patient(), obj("type", "leukocytapheresis")));
        ProcedureSpec.Leukocytapheresis spec = (ProcedureSpec.Leukocytapheresis) r.procedure();
        CellSessions.Product product = LeukocytapheresisPlanner.product(spec, PlanOptions.withoutTimeline());
        CellSessions.Setup s = CellSessions.setup(r, spec.sep(), Planner.steadyState(r.patient()), product,
                PlanOptions.withoutTimeline());
        assertThat(CellSessions.postCount(s, product, inverse.processedVolumeMl())).isLessThanOrEqualTo(target);
        assertThat(CellSessions.postCount(s, product, inverse.processedVolumeMl() - 2)).isGreaterThan(target);
    }

    private static double amount(Plan p) {
        Plan.Collected c = p.collected();
        if (c.cd34Cells() != null) {
            return c.cd34Cells();
        }
        if (c.cd3Cells() != null) {
            return c.cd3Cells();
        }
        if (c.granulocytes() != null) {
            return c.granulocytes();
        }
        return c.wbcCells();
    }

    private static String targetAnalyte(String type) {
        switch (type) {
            case "leukocytapheresis":
                return "wbc";
            case "hpc-collection":
                return "cd34";
            case "lymphocyte-collection":
                return "cd3";
            default:
                return "neutrophils";
        }
    }
}
