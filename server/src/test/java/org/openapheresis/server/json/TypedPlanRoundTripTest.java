package org.openapheresis.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.contract.PlanRequestWriter;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;

/** What the server stores comes back as the same core record: plans and plan requests of every example. */
class TypedPlanRoundTripTest {

    @Test
    @SuppressWarnings("unchecked")
    void every_example_plan_and_its_request_read_back_from_stored_json_as_equal_records() throws IOException {
        List<Path> examples = new ArrayList<>();
        try (var files = Files.list(Path.of("..", "examples"))) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(examples::add);
        }
        int checked = 0;
        for (Path p : examples) {
            Map<String, Object> tree = (Map<String, Object>) Json.parse(Files.readString(p));
            if (tree.get("procedure") == null) {
                continue; // a course of steps
            }
            tree.remove("schedule");
            PlanRequest request = PlanRequestReader.read(tree);
            for (PlanOptions options : List.of(PlanOptions.withoutTimeline(), PlanOptions.withTimeline())) {
                Plan plan = Planner.plan(request, options);
                assertThat(Json.read(Json.compact(plan), Plan.class)).as(p.toString()).isEqualTo(plan);
            }
            String stored = Json.compact(PlanRequestWriter.request(request));
            assertThat(PlanRequestReader.read(Json.parse(stored))).as(p.toString()).isEqualTo(request);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }
}
