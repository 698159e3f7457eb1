package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

class PlanRequestReaderTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> patient(Map<String, Object> root) {
        return (Map<String, Object>) root.get("patient");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> procedure(Map<String, Object> root) {
        return (Map<String, Object>) root.get("procedure");
    }

    static List<Problem> problems(Object root) {
        return catchThrowableOfType(InvalidInputException.class, () -> PlanRequestReader.read(root)).problems();
    }

    @Test
    void reads_the_contract_example() {
        PlanRequest r = PlanRequestReader.read(Fixtures.contractExampleTree());
        assertThat(r.patient().weightKg()).isEqualTo(80);
        assertThat(r.patient().measuredBloodVolumeMl()).isEmpty();
        assertThat(r.procedure()).isInstanceOf(ProcedureSpec.PlasmaExchange.class);
        var pe = (ProcedureSpec.PlasmaExchange) r.procedure();
        assertThat(pe.plasmaVolumes()).hasValue(1.0);
        assertThat(pe.sep().inletFlowMlPerMin()).hasValue(60);
    }

    @Test
    void plan_rejects_hematocrit_above_70_percent_with_the_contract_message() {
        var root = Fixtures.contractExampleTree();
        patient(root).put("hematocritPercent", 420);
        var p = problems(root);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo(MessageKey.OUT_OF_RANGE);
            assertThat(x.line()).isEqualTo("patient.hematocritPercent: 420 is outside 10..70");
        });
    }

    @Test
    void reports_every_problem_at_once() {
        var root = Fixtures.contractExampleTree();
        patient(root).remove("sex");
        patient(root).put("weightKg", "80");
        patient(root).put("heigthCm", 180);
        procedure(root).put("acRatio", 40);
        var p = problems(root);
        assertThat(p).extracting(Problem::field).contains("patient.sex", "patient.weightKg", "patient.heigthCm",
                "procedure.acRatio");
        assertThat(p).filteredOn(x -> x.field().equals("patient.weightKg")).singleElement()
                .satisfies(x -> assertThat(x.message()).isEqualTo("expected a number, got text \"80\""));
        assertThat(p).filteredOn(x -> x.field().equals("patient.heigthCm")).singleElement()
                .satisfies(x -> assertThat(x.key()).isEqualTo(MessageKey.UNKNOWN_FIELD));
    }

    @Test
    void a_null_optional_field_is_absent_not_zero() {
        var root = Fixtures.contractExampleTree();
        patient(root).put("bloodVolumeMl", null);
        assertThat(PlanRequestReader.read(root).patient().measuredBloodVolumeMl()).isEmpty();
    }

    @Test
    void refuses_plasma_volumes_and_exchange_volume_together() {
        var root = Fixtures.contractExampleTree();
        procedure(root).put("exchangeVolumeMl", 3000);
        assertThat(problems(root)).extracting(Problem::key).contains(MessageKey.MUTUALLY_EXCLUSIVE);
    }

    @Test
    void refuses_replacement_percentages_that_do_not_sum_to_100() {
        var root = Fixtures.contractExampleTree();
        procedure(root).put("replacement", new java.util.HashMap<>(Map.of("albuminPercent", 60, "plasmaPercent", 30)));
        assertThat(problems(root)).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("procedure.replacement");
            assertThat(x.key()).isEqualTo(MessageKey.PERCENT_SUM_NOT_100);
        });
    }

    @Test
    void names_the_missing_lab_for_a_stem_cell_collection() {
        var root = Fixtures.contractExampleTree();
        procedure(root).clear();
        procedure(root).put("type", "hpc-collection");
        assertThat(problems(root)).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("patient.labs.cd34PerUl");
            assertThat(x.key()).isEqualTo(MessageKey.LAB_REQUIRED_FOR_PROCEDURE);
            assertThat(x.params()).containsExactly("hpc-collection");
        });
    }

    @Test
    void requires_age_under_25_kg() {
        var root = Fixtures.contractExampleTree();
        patient(root).remove("ageYears");
        patient(root).put("weightKg", 18);
        patient(root).put("heightCm", 105);
        assertThat(problems(root)).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("patient.ageYears");
            assertThat(x.key()).isEqualTo(MessageKey.REQUIRED_WHEN);
        });
    }

    @Test
    void refuses_impossible_physiology_swapped_weight_and_height() {
        var root = Fixtures.contractExampleTree();
        patient(root).put("heightCm", 80);
        patient(root).put("weightKg", 180);
        assertThat(problems(root)).extracting(Problem::key).containsExactly(MessageKey.BODY_MASS_INDEX_IMPLAUSIBLE);
    }

    @Test
    void refuses_a_measured_blood_volume_impossible_for_the_weight() {
        var root = Fixtures.contractExampleTree();
        patient(root).put("bloodVolumeMl", 14000);
        assertThat(problems(root)).extracting(Problem::key).containsExactly(MessageKey.BLOOD_VOLUME_IMPLAUSIBLE);
    }

    @Test
    void refuses_an_unknown_procedure_type_and_device_naming_the_allowed_values() {
        var root = Fixtures.contractExampleTree();
        procedure(root).put("type", "plasmapheresis");
        var p = problems(root);
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("plasma-exchange",
                "leukocytapheresis", "ivig-infusion"));
    }

    @Test
    void ivig_refuses_separator_settings() {
        var root = Fixtures.contractExampleTree();
        procedure(root).clear();
        procedure(root).putAll(Map.of("type", "ivig-infusion", "doseGPerKg", 2.0, "days", 5, "inletFlowMlPerMin", 60));
        assertThat(problems(root)).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("procedure.inletFlowMlPerMin");
            assertThat(x.key()).isEqualTo(MessageKey.NOT_APPLICABLE);
        });
    }

    @Test
    void a_non_object_request_is_one_clear_problem() {
        assertThat(problems(List.of(1, 2))).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo("(request): expected an object, got a list"));
    }

    @Test
    void refuses_fractional_days_and_non_finite_numbers() {
        var root = Fixtures.contractExampleTree();
        procedure(root).clear();
        procedure(root).putAll(Map.of("type", "ivig-infusion", "doseGPerKg", 2.0, "days", 2.5));
        assertThat(problems(root)).singleElement().satisfies(x -> assertThat(x.field()).isEqualTo("procedure.days"));
        var root2 = Fixtures.contractExampleTree();
        patient(root2).put("weightKg", Double.NaN);
        assertThat(problems(root2)).extracting(Problem::key).contains(MessageKey.NOT_FINITE);
    }

    @Test
    void reads_calcium_given_during_an_exchange_and_defaults_to_none() {
        var root = Fixtures.contractExampleTree();
        var none = (ProcedureSpec.PlasmaExchange) PlanRequestReader.read(root).procedure();
        assertThat(none.sep().calcium().any()).isFalse();
        procedure(root).put("calcium", new java.util.HashMap<>(Map.of("inReplacementMmolPerL", 2.32,
                "infusionMmolPerHour", 1.8)));
        var pe = (ProcedureSpec.PlasmaExchange) PlanRequestReader.read(root).procedure();
        assertThat(pe.sep().calcium().inReplacementMmolPerL()).isEqualTo(2.32);
        assertThat(pe.sep().calcium().infusionMmolPerHour()).isEqualTo(1.8);
    }

    @Test
    void refuses_calcium_out_of_range_or_in_a_return_fluid_a_cell_procedure_does_not_have() {
        var root = Fixtures.contractExampleTree();
        procedure(root).put("calcium", Map.of("infusionMmolPerHour", 40, "perHour", 1));
        assertThat(problems(root)).extracting(Problem::field).containsExactlyInAnyOrder(
                "procedure.calcium.infusionMmolPerHour", "procedure.calcium.perHour");
        Map<String, Object> cell = new java.util.HashMap<>(Map.of("type", "leukocytapheresis", "calcium",
                Map.of("inReplacementMmolPerL", 2.32)));
        var cellRoot = Fixtures.contractExampleTree();
        cellRoot.put("procedure", cell);
        patient(cellRoot).put("labs", Map.of("wbcE9PerL", 200));
        assertThat(problems(cellRoot)).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("procedure.calcium.inReplacementMmolPerL");
            assertThat(x.key()).isEqualTo(MessageKey.NOT_APPLICABLE);
        });
    }
}
