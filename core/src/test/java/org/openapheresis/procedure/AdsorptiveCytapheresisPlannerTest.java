package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.NewProcedureRequests.adacolumn;
import static org.openapheresis.procedure.NewProcedureRequests.colitisAdult;
import static org.openapheresis.procedure.NewProcedureRequests.plan;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

class AdsorptiveCytapheresisPlannerTest {

    @Test
    void an_adacolumn_session_runs_its_published_1800_ml_at_30_ml_per_min_in_60_min() {
        Plan p = plan(colitisAdult(), adacolumn());
        assertThat(p.procedureType()).isEqualTo("adsorptive-cytapheresis");
        assertThat(p.processedVolumeMl()).isEqualTo(1800);
        assertThat(p.inletFlowMlPerMin()).isEqualTo(30);
        assertThat(p.durationMin()).isEqualTo(60);
        assertThat(p.column().column()).isEqualTo("adacolumn");
        assertThat(p.anticoagulant()).isNull();
        assertThat(p.replacement()).isNull();
        assertThat(p.fluidBalance().netMl()).isZero();
    }

    @Test
    void the_adacolumn_adsorbs_26_percent_of_granulocytes_and_2_percent_of_lymphocytes_passing_it() {
        Plan p = plan(colitisAdult(), adacolumn());
        // neutrophils 6e9/L x 1.8 L x 0.26 = 2.81e9; lymphocytes 1.5e9/L x 1.8 L x 0.02 = 5.4e7
        assertThat(p.column().granulocytesAdsorbed()).isCloseTo(2.81e9, within(1e7));
        assertThat(p.column().lymphocytesAdsorbed()).isCloseTo(5.4e7, within(1e5));
    }

    @Test
    void without_counts_no_cells_are_predicted() {
        Map<String, Object> patient = colitisAdult();
        patient.put("labs", CellRequests.obj());
        Plan p = plan(patient, adacolumn());
        assertThat(p.column().granulocytesAdsorbed()).isNull();
        assertThat(p.column().lymphocytesAdsorbed()).isNull();
    }

    @Test
    void a_column_course_is_five_weekly_sessions() {
        Plan.TreatmentSchedule s = plan(colitisAdult(), adacolumn()).treatmentSchedule();
        assertThat(s.sessionDays()).containsExactly(0.0, 7.0, 14.0, 21.0, 28.0);
        assertThat(s.source()).contains("10.1002/jca.1000");
    }

    @Test
    void an_entered_volume_and_flow_set_the_run_time() {
        Plan p = plan(colitisAdult(), adacolumn("processedVolumeMl", 3000, "flowMlPerMin", 50));
        assertThat(p.durationMin()).isEqualTo(60);
        assertThat(p.column().granulocytesAdsorbed()).isCloseTo(6e9 * 3 * 0.26, within(1e7));
    }

    @Test
    void cellsorba_needs_its_flow_entered_and_predicts_no_cells() {
        assertThatThrownBy(() -> plan(colitisAdult(), adacolumn("column", "cellsorba")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).anySatisfy(pr -> {
                    assertThat(pr.field()).isEqualTo("procedure.flowMlPerMin");
                    assertThat(pr.key()).isEqualTo(MessageKey.REQUIRED_WHEN);
                }));
        Plan p = plan(colitisAdult(), adacolumn("column", "cellsorba", "flowMlPerMin", 50));
        assertThat(p.processedVolumeMl()).isEqualTo(3000);
        assertThat(p.durationMin()).isEqualTo(60);
        assertThat(p.column().granulocytesAdsorbed()).isNull();
        assertThat(p.assumptions()).anyMatch(a -> a.contains("UNVERIFIED") && a.contains("Cellsorba"));
    }

    @Test
    void separator_settings_do_not_apply_to_a_column_on_its_own_pump() {
        assertThatThrownBy(() -> plan(colitisAdult(), adacolumn("device", "continuous-flow")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).anySatisfy(pr -> {
                    assertThat(pr.field()).isEqualTo("procedure.device");
                    assertThat(pr.key()).isEqualTo(MessageKey.NOT_APPLICABLE);
                }));
        assertThatThrownBy(() -> plan(colitisAdult(), adacolumn("column", "lipidfilter")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).anySatisfy(pr -> {
                    assertThat(pr.field()).isEqualTo("procedure.column");
                    assertThat(pr.key()).isEqualTo(MessageKey.NOT_ONE_OF);
                }));
    }
}
