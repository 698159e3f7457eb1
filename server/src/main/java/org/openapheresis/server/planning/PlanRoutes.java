package org.openapheresis.server.planning;

import static org.openapheresis.server.access.Permission.PLANS;

import java.util.List;
import java.util.Map;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;

/**
 * {@code POST /api/plans} and {@code POST /api/courses}: the same readers, planners and JSON settings as the
 * command line, so the answer is the CLI's output. {@code ?timeline=true} adds the simulated time course. The core
 * planner is this feature's service: it has no state.
 */
public final class PlanRoutes implements FeatureRoutes {

    /** The plan request of the OpenAPI document's example (the MS relapse example, in short). */
    public static final Map<String, Object> EXAMPLE = Map.of("patient", Map.of("sex", "female", "ageYears", 34,
            "heightCm", 168, "weightKg", 64, "hematocritPercent", 40), "procedure", Map.of("type", "plasma-exchange",
            "plasmaVolumes", 1.25));

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/plans", PLANS, "Plan one procedure (plan-v1)", EXAMPLE, this::plan)
                        .error(422, "the request cannot be planned: one problem per field"),
                Route.post("/api/courses", PLANS, "Plan a course of sessions (plan-v1)", Map.of("patient",
                        EXAMPLE.get("patient"), "procedure", EXAMPLE.get("procedure"), "schedule", Map.of("sessions", 5,
                        "intervalHours", 48)), this::course));
    }

    private void plan(Call call) {
        call.answer(Planner.plan(PlanRequestReader.read(call.tree()), options(call)));
    }

    private void course(Call call) {
        call.answer(CoursePlanner.plan(CourseRequestReader.read(call.tree()), options(call)));
    }

    /** {@code ?timeline=true} asks for the simulated time course. */
    public static PlanOptions options(Call call) {
        return call.query("timeline").map(Boolean::parseBoolean).orElse(false)
                ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline();
    }
}
