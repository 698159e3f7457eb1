package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.guideline.GuidelineRow;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** The API against its contracts: health, the OpenAPI document, plans identical to the CLI's, the catalogue. */
class ContractTest {

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
    void health_answers_up_without_authentication() {
        Api.Answer a = unit.api.get("/api/health", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.map()).containsEntry("status", "up");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_lists_every_route_of_the_table_and_nothing_else() {
        Map<String, Object> doc = unit.api.get("/api/openapi.json", null).map();
        assertThat(doc.get("openapi")).isEqualTo("3.0.3");
        Set<String> documented = new HashSet<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, ops) ->
                ops.keySet().forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> table = new HashSet<>();
        unit.server.routes().forEach(r -> table.add(r.signature()));
        assertThat(documented).isEqualTo(table);
        assertThat(Json.write(doc)).contains("X-CSRF-Token").contains("bearer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_that_takes_a_body_has_an_example_in_the_openapi_document_and_the_examples_are_accepted() {
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                unit.api.get("/api/openapi.json", null).map().get("paths");
        for (org.openapheresis.server.http.Route r : unit.server.routes()) {
            Map<String, Object> op = paths.get(r.path()).get(r.method().name().toLowerCase(Locale.ROOT));
            if (r.body() != Route.Body.NONE) {
                assertThat(Json.write(op.get("requestBody"))).as(r.signature()).contains("\"example\"");
            } else if (r.changesState()) {
                assertThat(r.example()).as(r.signature()).isNull();
            }
        }
        Api.Answer a = unit.api.post("/api/patients", unit.token(Role.NURSE), example("POST", "/api/patients"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Api.Answer plan = unit.api.post("/api/plans", unit.token(Role.NURSE), example("POST", "/api/plans"));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }

    private static Object example(String method, String path) {
        return unit.server.routes().stream().filter(r -> r.signature().equals(method + " " + path)).findFirst()
                .orElseThrow().example();
    }

    @Test
    void a_plan_over_http_is_byte_for_byte_the_cli_plan() throws Exception {
        Path example = Path.of("..", "examples", "ms-relapse-plasma-exchange.json");
        String request = Files.readString(example);
        Api.Answer a = unit.api.post("/api/plans", unit.token(Role.PHYSICIAN), request);
        assertThat(a.status()).isEqualTo(200);
        Object cli = Json.parse(Json.write(Planner.plan(PlanRequestReader.read(Json.parse(request)),
                PlanOptions.withoutTimeline())));
        assertThat(a.json()).isEqualTo(cli);
    }

    @Test
    void an_invalid_plan_request_is_422_with_the_cores_field_problems() {
        Api.Answer a = unit.api.post("/api/plans", unit.token(Role.NURSE), Map.of("patient", Map.of("sex", "x")));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("\"field\":\"patient.sex\"").contains("\"key\":\"NOT_ONE_OF\"")
                .contains("\"field\":\"procedure\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_422_names_the_field_the_value_and_the_reason() {
        Map<String, Object> patient = new java.util.HashMap<>(Map.of("sex", "male", "heightCm", 180, "weightKg", 80,
                "hematocritPercent", 420));
        Api.Answer a = unit.api.post("/api/plans", unit.token(Role.NURSE),
                Map.of("patient", patient, "procedure", Map.of("type", "plasma-exchange")));
        assertThat(a.status()).isEqualTo(422);
        java.util.List<Map<String, Object>> problems = (java.util.List<Map<String, Object>>) a.map().get("problems");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("field", "patient.hematocritPercent").containsEntry("value", 420)
                .containsEntry("key", "OUT_OF_RANGE").containsEntry("message", "420 is outside 10..70"));
        Api.Answer missing = unit.api.post("/api/plans", unit.token(Role.NURSE), Map.of("patient", Map.of(
                "sex", "male", "heightCm", 180, "weightKg", 80), "procedure", Map.of("type", "plasma-exchange")));
        java.util.List<Map<String, Object>> m = (java.util.List<Map<String, Object>>) missing.map().get("problems");
        assertThat(m).singleElement().satisfies(p -> assertThat(p).containsEntry("key", "REQUIRED")
                .doesNotContainKey("value"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_catalogue_offers_waa_grades_event_types_and_the_cited_indications_table() {
        Map<String, Object> c = unit.api.get("/api/catalog", unit.token(Role.NURSE)).map();
        assertThat((Map<String, String>) c.get("grades")).containsOnlyKeys("mild", "moderate", "severe", "death");
        assertThat((Map<String, String>) c.get("adverseEventTypes")).containsKeys("citrate-reaction", "hypotension",
                "vasovagal", "allergic", "access-problem");
        assertThat(Json.write(c.get("indications"))).contains("Connelly-Smith").contains("authoritative");
    }

    @Test
    void collections_in_the_indications_table_are_marked_as_not_asfa_indications() {
        Guidelines g = Guidelines.load();
        for (String id : new String[] {"hpc-collection", "dli"}) {
            GuidelineRow row = g.row(id).orElseThrow();
            assertThat(row.verified()).isFalse();
            assertThat(row.category()).isNull();
            assertThat(row.prescription()).isEqualTo("not an ASFA therapeutic indication (collection)");
        }
        assertThat(g.match("M31.19", "plasma-exchange")).get().satisfies(r -> assertThat(r.category())
                .isEqualTo("I"));
        assertThat(g.match("G35.A", "plasma-exchange")).get().satisfies(r -> assertThat(r.grade())
                .isEqualTo("1A"));
    }

    @Test
    void an_adverse_event_graded_severe_must_have_interrupted_the_procedure() {
        String patient = unit.createPatient("MRN-AE-1");
        String session = unit.startedSession(unit.signedOrder(patient));
        Api.Answer a = unit.api.post("/api/sessions/" + session + "/adverse-events", unit.token(Role.NURSE),
                Map.of("time", Unit.now(), "type", "hypotension", "grade", "severe", "interrupted", false));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body()).contains("\"field\":\"interrupted\"");
    }

    @Test
    void the_web_ui_is_served_at_the_root() {
        Api.Answer a = unit.api.get("/", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).containsIgnoringCase("<html");
    }
}
