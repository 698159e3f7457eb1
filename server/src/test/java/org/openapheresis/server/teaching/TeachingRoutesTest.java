package org.openapheresis.server.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** Teaching cases: reproducible from their seed, hidden until the reveal, planned for the case's own patient. */
class TeachingRoutesTest {

    private static Unit unit;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @Test
    void a_seed_gives_the_same_case_and_the_case_shows_no_hidden_parameter() {
        String t = unit.token(Role.PHYSICIAN);
        Map<String, Object> a = Unit.expect(unit.api.post("/api/teaching/cases", t, Map.of("seed", 7)), 200).map();
        Map<String, Object> b = Unit.expect(unit.api.post("/api/teaching/cases", t, Map.of("seed", 7)), 200).map();
        assertThat(a).isEqualTo(b);
        assertThat(a.get("description").toString()).contains("-year-old").contains(" kg").contains("hidden");
        assertThat(((Map<?, ?>) a.get("indication")).get("procedureType")).isEqualTo("plasma-exchange");
        assertThat(a).doesNotContainKeys("hidden", "actual");
        Map<String, Object> fresh = Unit.expect(unit.api.post("/api/teaching/cases", t, ""), 200).map();
        assertThat(((Number) fresh.get("seed")).longValue()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_reveal_plans_the_learners_exchange_for_the_cases_patient_nominal_and_as_this_patient_is() {
        String t = unit.token(Role.NURSE);
        Map<String, Object> c = Unit.expect(unit.api.post("/api/teaching/cases", t, Map.of("seed", 11)), 200).map();
        Map<String, Object> r = Unit.expect(unit.api.post("/api/teaching/reveal", t, Map.of("seed", 11, "procedure",
                Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0))), 200).map();
        assertThat(r.get("teachingCase")).isEqualTo(c);
        Map<String, Object> planned = (Map<String, Object>) r.get("planned");
        Map<String, Object> actual = (Map<String, Object>) r.get("actual");
        assertThat(planned.get("procedureType")).isEqualTo("plasma-exchange");
        assertThat(planned).containsKey("predicted");
        assertThat(actual.get("predicted")).as("the hidden parameters change what happens").isNotEqualTo(
                planned.get("predicted"));
        List<Map<String, Object>> hidden = (List<Map<String, Object>>) r.get("hidden");
        assertThat(hidden).extracting(h -> h.get("parameter")).contains("bloodVolume", "iggReturnRate",
                "citrateClearance", "calciumMobilisation");
        assertThat(hidden).extracting(h -> h.get("parameter")).as("cell-collection parameters play no part")
                .doesNotContain("cd34Ce2", "cd3Ce2", "wbcRemovalEfficiency", "granulocyteCe");
        assertThat(hidden).allSatisfy(h -> assertThat(((Number) h.get("factor")).doubleValue()).isPositive());
        assertThat(hidden).anySatisfy(h -> assertThat(((Number) h.get("factor")).doubleValue()).isNotEqualTo(1.0));
        // the case's patient is planned, whatever patient a learner sends beside the procedure
        Api.Answer other = unit.api.post("/api/teaching/reveal", t, Map.of("seed", 11, "procedure",
                Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0)));
        assertThat(other.map().get("planned")).isEqualTo(planned);
        assertThat(unit.api.post("/api/teaching/reveal", t, Map.of("seed", 11, "procedure", Map.of("type",
                "plasma-exchange", "plasmaVolumes", 1.0), "patient", Map.of("weightKg", 200))).body())
                .as("a patient of the learner's is refused, not planned").contains("UNKNOWN_FIELD");
    }

    @Test
    void bad_seeds_and_another_procedure_are_422_naming_the_field_and_billing_may_not() {
        String t = unit.token(Role.PHYSICIAN);
        assertThat(unit.api.post("/api/teaching/reveal", t, Map.of("procedure", Map.of("type", "plasma-exchange")))
                .body()).contains("\"field\":\"seed\"");
        assertThat(unit.api.post("/api/teaching/cases", t, Map.of("seed", 2.5)).body()).contains("\"field\":\"seed\"")
                .contains("WRONG_TYPE");
        assertThat(unit.api.post("/api/teaching/cases", t, Map.of("seed", 0)).status()).isEqualTo(422);
        Api.Answer leuko = unit.api.post("/api/teaching/reveal", t, Map.of("seed", 3, "procedure",
                Map.of("type", "leukocytapheresis", "bloodVolumesProcessed", 2.0)));
        assertThat(leuko.status()).isEqualTo(422);
        assertThat(leuko.body()).contains("\"field\":\"procedure.type\"");
        // a procedure without its type, or not an object, is named too (the fuzz found the first answered 500)
        Api.Answer untyped = unit.api.post("/api/teaching/reveal", t, Map.of("seed", 42, "procedure",
                Map.of("plasmaVolumes", "not a number")));
        assertThat(untyped.status()).isEqualTo(422);
        assertThat(untyped.body()).contains("\"field\":\"procedure.type\"").contains("REQUIRED");
        assertThat(unit.api.post("/api/teaching/reveal", t, Map.of("seed", 42, "procedure", "plasma-exchange"))
                .body()).contains("\"field\":\"procedure\"");
        assertThat(unit.api.post("/api/teaching/reveal", t, Map.of("seed", 3, "procedure",
                Map.of("type", "plasma-exchange", "plasmaVolumes", 9.0))).body()).contains("procedure.plasmaVolumes");
        assertThat(unit.api.post("/api/teaching/cases", unit.token(Role.BILLING), Map.of()).status()).isEqualTo(403);
    }
}
