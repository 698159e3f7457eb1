package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.NewProcedureRequests.adultWithIgg;
import static org.openapheresis.procedure.NewProcedureRequests.ia;
import static org.openapheresis.procedure.NewProcedureRequests.plan;

import org.junit.jupiter.api.Test;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

class ImmunoadsorptionPlannerTest {

    @Test
    void a_perfect_column_removes_the_igg_of_a_plasma_exchange_of_the_same_plasma_volume() {
        // the same kinetics model: a column holding back every IgG it meets clears IgG from the plasma it treats as a
        // plasma exchange clears it from the plasma it discards (same flow, so the same run time). The IA returns all
        // its anticoagulant (a plasma exchange 1 - PRE of it), which dilutes the IgG the column meets: the body keeps
        // about 2 % more IgG (within 2.5 %), while its concentration at the end is lower, diluted by that fluid.
        SessionResult ia = session(ia("plasmaVolumesProcessed", 1.0, "inletFlowMlPerMin", 60));
        SessionResult pe = session(obj("type", "plasma-exchange", "plasmaVolumes", 1.0, "inletFlowMlPerMin", 60));
        assertThat(ia.plan().durationMin()).isEqualTo(pe.plan().durationMin());
        assertThat(ia.plan().processedVolumeMl()).isEqualTo(pe.plan().processedVolumeMl());
        double iaLeft = ia.end().pools().get(Analyte.IGG).intravascular() + ia.end().pools().get(Analyte.IGG)
                .extravascular();
        double peLeft = pe.end().pools().get(Analyte.IGG).intravascular() + pe.end().pools().get(Analyte.IGG)
                .extravascular();
        assertThat(iaLeft).isGreaterThan(peLeft).isCloseTo(peLeft, within(0.025 * peLeft));
        assertThat(ia.plan().predicted().get("igg").post()).isLessThan(pe.plan().predicted().get("igg").post());
        assertThat(ia.end().plasmaVolumeMl()).isGreaterThan(pe.end().plasmaVolumeMl());
    }

    private static SessionResult session(java.util.Map<String, Object> procedure) {
        return Planner.session(CellRequests.read(CellRequests.request(adultWithIgg(), procedure)), null,
                PlanOptions.withoutTimeline());
    }

    @Test
    void a_column_holding_back_half_the_igg_removes_less_than_a_perfect_one() {
        Plan perfect = plan(adultWithIgg(), ia());
        Plan half = plan(adultWithIgg(), ia("columnIggRemovalPercent", 50));
        assertThat(half.predicted().get("igg").post()).isGreaterThan(perfect.predicted().get("igg").post());
        assertThat(half.column().iggRemovedGrams()).isLessThan(perfect.column().iggRemovedGrams());
        assertThat(half.column().iggRemovalPercentPerPass()).isEqualTo(50);
    }

    @Test
    void nothing_is_discarded_or_replaced_and_albumin_is_not_touched() {
        Plan p = plan(adultWithIgg(), ia());
        assertThat(p.replacement()).isNull();
        assertThat(p.exchangeVolumeMl()).isNull();
        assertThat(p.fluidBalance().removedMl()).isZero();
        assertThat(p.fluidBalance().replacementMl()).isZero();
        assertThat(p.fluidBalance().netMl()).isEqualTo(p.anticoagulant().toPatientMl());
        assertThat(p.anticoagulant().toPatientMl()).isEqualTo(p.anticoagulant().volumeMl());
        assertThat(p.predicted()).containsKey("igg").doesNotContainKey("albumin");
    }

    @Test
    void plasma_volumes_or_millilitres_set_the_plasma_through_the_column() {
        // measured TBV 5000 mL at Hct 42 %: plasma volume 2900 mL
        Plan pv = plan(adultWithIgg(), ia());
        assertThat(pv.column().processedMl()).isEqualTo(7250);
        assertThat(pv.column().plasmaVolumesProcessed()).isEqualTo(2.5);
        Plan ml = plan(adultWithIgg(), ia("plasmaVolumesProcessed", null, "processedPlasmaMl", 7250));
        assertThat(ml.predicted().get("igg").post()).isEqualTo(pv.predicted().get("igg").post());
        // whole blood = plasma / ((1 - Hct) x PRE), as for a plasma exchange
        assertThat(pv.processedVolumeMl()).isGreaterThan(7250 / 0.58);
    }

    @Test
    void the_reader_names_each_wrong_field_of_an_immunoadsorption() {
        assertProblem(ia("processedPlasmaMl", 5000), "procedure.processedPlasmaMl", MessageKey.MUTUALLY_EXCLUSIVE);
        assertProblem(ia("plasmaVolumesProcessed", null), "procedure.plasmaVolumesProcessed", MessageKey.REQUIRED_WHEN);
        assertProblem(ia("columnIggRemovalPercent", null), "procedure.columnIggRemovalPercent", MessageKey.REQUIRED);
        assertProblem(ia("columnIggRemovalPercent", 120), "procedure.columnIggRemovalPercent",
                MessageKey.OUT_OF_RANGE);
        assertProblem(ia("plasmaVolumesProcessed", 8), "procedure.plasmaVolumesProcessed", MessageKey.OUT_OF_RANGE);
    }

    private static void assertProblem(java.util.Map<String, Object> procedure, String field, MessageKey key) {
        assertThatThrownBy(() -> plan(adultWithIgg(), procedure)).as(field).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).as(e.problems().toString())
                        .anySatisfy(pr -> {
                            assertThat(pr.field()).isEqualTo(field);
                            assertThat(pr.key()).isEqualTo(key);
                        }));
    }
}
