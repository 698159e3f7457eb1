package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.NewProcedureRequests.plan;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of photopheresis, adsorptive cytapheresis and immunoadsorption over seeded random requests: the label's
 * dose is linear in the treatment volume, schedules are in day order with two-day cycles, volume = flow x time, a
 * column never holds back more than passes it, and IgG falls monotonically with the column's efficiency and volume.
 */
class NewProceduresPropertiesTest {

    private static final long SEED = 20_261_118L;
    private static final int CASES = 150;

    private static Map<String, Object> patient(Random r) {
        double height = 150 + 40 * r.nextDouble();
        double bmi = 19 + 10 * r.nextDouble();
        return obj("sex", r.nextBoolean() ? "male" : "female", "ageYears", 20 + r.nextInt(60), "heightCm",
                Math.round(height), "weightKg", Math.round(bmi * height * height / 10000), "hematocritPercent",
                30 + r.nextInt(16), "labs", obj("iggGPerL", 4 + 12 * r.nextDouble(), "neutrophilsE9PerL",
                        1 + 10 * r.nextDouble(), "lymphocytesE9PerL", 0.5 + 3 * r.nextDouble()));
    }

    @Test
    void methoxsalen_is_linear_in_the_treatment_volume_and_fits_its_vials() {
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            double tv = 20 + r.nextInt(980);
            Plan p = plan(patient(r), NewProcedureRequests.offlineEcp("treatmentVolumeMl", tv));
            assertThat(p.photopheresis().methoxsalenMl()).as("case %d", i).isCloseTo(tv * 0.017, within(0.05));
            assertThat(p.photopheresis().methoxsalenMicrograms()).isCloseTo(tv * 0.017 * 20, within(0.05));
            assertThat(p.photopheresis().methoxsalenVials() * 10.0).isGreaterThanOrEqualTo(tv * 0.017 - 1e-9)
                    .isLessThan(tv * 0.017 + 10);
        }
    }

    @Test
    void schedules_are_in_day_order_and_cycles_are_two_consecutive_days() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            Object[] more = switch (r.nextInt(3)) {
                case 0 -> new Object[] {"regimen", "label-ctcl", "treatmentCycles", 7 + r.nextInt(10)};
                case 1 -> new Object[] {"regimen", "asfa-ctcl", "treatmentCycles", 1 + r.nextInt(20),
                    "cycleIntervalWeeks", 2 + r.nextInt(3)};
                default -> new Object[] {"regimen", "asfa-cgvhd", "cycleIntervalWeeks", 1 + r.nextInt(2),
                    "taperCycles", r.nextInt(10)};
            };
            Plan.TreatmentSchedule s = plan(patient(r), NewProcedureRequests.offlineEcp(more)).treatmentSchedule();
            List<Double> d = s.sessionDays();
            assertThat(d).as("case %d", i).hasSize(s.sessions()).isSorted().doesNotHaveDuplicates();
            assertThat(d.get(0)).isZero();
            for (int k = 0; k < d.size(); k += 2) {
                assertThat(d.get(k + 1) - d.get(k)).as("case %d cycle %d", i, k / 2).isEqualTo(1.0);
            }
        }
    }

    @Test
    void a_column_runs_volume_over_flow_and_holds_back_no_more_than_passes_it() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            double volume = 500 + r.nextInt(5500);
            double flow = 10 + r.nextInt(90);
            Map<String, Object> pt = patient(r);
            Plan p = plan(pt, NewProcedureRequests.adacolumn("processedVolumeMl", volume, "flowMlPerMin", flow));
            assertThat(p.durationMin()).as("case %d", i).isCloseTo(volume / flow, within(0.5));
            @SuppressWarnings("unchecked")
            Map<String, Object> labs = (Map<String, Object>) pt.get("labs");
            double passing = (double) labs.get("neutrophilsE9PerL") * 1e9 * volume / 1000;
            assertThat(p.column().granulocytesAdsorbed()).isPositive().isLessThanOrEqualTo(passing);
        }
    }

    @Test
    void igg_falls_monotonically_with_column_efficiency_and_plasma_volumes_and_stays_positive() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < CASES / 3; i++) {
            Map<String, Object> pt = patient(r);
            double pv = 0.5 + 3 * r.nextDouble();
            double e = 10 + 80 * r.nextDouble();
            Plan base = plan(pt, NewProcedureRequests.ia("plasmaVolumesProcessed", pv, "columnIggRemovalPercent", e));
            Plan better = plan(pt, NewProcedureRequests.ia("plasmaVolumesProcessed", pv, "columnIggRemovalPercent",
                    e + 10));
            Plan more = plan(pt, NewProcedureRequests.ia("plasmaVolumesProcessed", pv + 0.5,
                    "columnIggRemovalPercent", e));
            double pre = base.predicted().get("igg").pre();
            double post = base.predicted().get("igg").post();
            assertThat(post).as("case %d", i).isPositive().isLessThan(pre);
            assertThat(better.predicted().get("igg").post()).isLessThan(post);
            assertThat(more.predicted().get("igg").post()).isLessThan(post);
            // the column cannot take more than the IgG passing it at the starting concentration
            double passing = pre * base.column().processedMl() / 1000 * e / 100;
            assertThat(base.column().iggRemovedGrams()).isPositive().isLessThanOrEqualTo(passing + 0.05);
        }
    }
}
