package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Bad input for the cell procedures: missing labs and targets the counts cannot reach name their field. */
class CellRequestErrorsTest {

    private static Problem onlyProblem(Map<String, Object> tree) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> plan(tree));
        assertThat(e).as("expected an input error").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static void assertMissingLab(String type, String field) {
        Problem p = onlyProblem(request(adultMale80kg(obj("plateletsE9PerL", 200)), obj("type", type)));
        assertThat(p.field()).isEqualTo("patient.labs." + field);
        assertThat(p.key()).isEqualTo(MessageKey.LAB_REQUIRED_FOR_PROCEDURE);
        assertThat(p.params()).containsExactly(type);
    }

    @Test
    void leukocytapheresis_without_wbc_names_patient_labs_wbcE9PerL() {
        assertMissingLab("leukocytapheresis", "wbcE9PerL");
    }

    @Test
    void hpc_collection_without_cd34_names_patient_labs_cd34PerUl() {
        assertMissingLab("hpc-collection", "cd34PerUl");
    }

    @Test
    void lymphocyte_collection_without_cd3_names_patient_labs_cd3PerUl() {
        assertMissingLab("lymphocyte-collection", "cd3PerUl");
    }

    @Test
    void granulocyte_collection_without_neutrophils_names_patient_labs_neutrophilsE9PerL() {
        assertMissingLab("granulocyte-collection", "neutrophilsE9PerL");
    }

    @Test
    void leukocytapheresis_rejects_a_target_wbc_at_or_above_the_pre_count() {
        Problem p = onlyProblem(request(adultMale80kg(obj("wbcE9PerL", 120)),
                obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", 150))));
        assertThat(p.field()).isEqualTo("procedure.target.wbcE9PerL");
        assertThat(p.key()).isEqualTo(MessageKey.NOT_PLANNABLE);
        assertThat(p.message()).contains("150").contains("120");
    }

    @Test
    void leukocytapheresis_rejects_a_target_no_run_of_daily_procedures_reaches() {
        Problem p = onlyProblem(request(adultMale80kg(obj("wbcE9PerL", 400)),
                obj("type", "leukocytapheresis", "target", obj("wbcE9PerL", 2))));
        assertThat(p.field()).isEqualTo("procedure.target.wbcE9PerL");
        assertThat(p.message()).contains("10 daily procedures");
    }

    @Test
    void hpc_collection_rejects_a_target_when_the_cd34_count_is_zero() {
        Problem p = onlyProblem(request(adultMale80kg(obj("cd34PerUl", 0)),
                obj("type", "hpc-collection", "target", obj("cd34PerKg", 2e6))));
        assertThat(p.field()).isEqualTo("procedure.target.cd34PerKg");
        assertThat(p.key()).isEqualTo(MessageKey.NOT_PLANNABLE);
    }

    @Test
    void lymphocyte_collection_rejects_doses_when_the_cd3_count_is_zero() {
        Problem p = onlyProblem(request(adultMale80kg(obj("cd3PerUl", 0)),
                obj("type", "lymphocyte-collection", "target", obj("cd3PerKgDoses", List.of(1e6)))));
        assertThat(p.field()).isEqualTo("procedure.target.cd3PerKgDoses");
    }

    @Test
    void granulocyte_collection_rejects_a_target_when_the_neutrophil_count_is_zero() {
        Problem p = onlyProblem(request(adultMale80kg(obj("neutrophilsE9PerL", 0)),
                obj("type", "granulocyte-collection", "target", obj("granulocytes", 4e10))));
        assertThat(p.field()).isEqualTo("procedure.target.granulocytes");
    }

    @Test
    void a_cell_target_and_a_blood_volume_dose_together_are_refused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> plan(request(adultMale80kg(obj("cd34PerUl", 30)), obj("type", "hpc-collection",
                        "bloodVolumesProcessed", 2, "target", obj("cd34PerKg", 2e6)))));
        assertThat(e.problems()).extracting(Problem::key).contains(MessageKey.MUTUALLY_EXCLUSIVE);
    }
}
