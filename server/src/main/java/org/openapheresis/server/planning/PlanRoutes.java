package org.openapheresis.server.planning;

import static org.openapheresis.server.access.Permission.PLANS;

import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.uncertainty.Uncertainty;

/**
 * {@code POST /api/plans} and {@code POST /api/courses}: the same readers, planners and JSON settings as the
 * command line, so the answer is the CLI's output. {@code ?timeline=true} adds the simulated time course;
 * {@code ?uncertainty=N} adds the {@code uncertainty} block (5/50/95% bands over N virtual patients, 10-10000, the
 * CLI's seed), a 422 naming {@code uncertainty} when N is not a whole number in range. The core planner is this
 * feature's service: it has no state.
 */
public final class PlanRoutes implements FeatureRoutes {

    /** The plan request of the OpenAPI document's example (the MS relapse example, in short). */
    public static final Map<String, Object> EXAMPLE = Map.of("patient", Map.of("sex", "female", "ageYears", 34,
            "heightCm", 168, "weightKg", 64, "hematocritPercent", 40), "procedure", Map.of("type", "plasma-exchange",
            "plasmaVolumes", 1.25));

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/plans", PLANS, "Plan one procedure (plan-v1); ?timeline=true adds the time course,"
                        + " ?uncertainty=N (" + range() + ") adds 5/50/95% bands over N virtual patients", EXAMPLE,
                        this::plan)
                        .error(422, "the request cannot be planned: one problem per field (uncertainty names the query"
                                + " parameter when it is not a whole number in " + range() + ")"),
                Route.post("/api/courses", PLANS, "Plan a course of sessions (plan-v1); ?timeline=true, ?uncertainty=N"
                        + " as for plans", Map.of("patient", EXAMPLE.get("patient"), "procedure",
                        EXAMPLE.get("procedure"), "schedule", Map.of("sessions", 5, "intervalHours", 48)), this::course)
                        .error(422, "the request cannot be planned: one problem per field (uncertainty as for plans)"));
    }

    private void plan(Call call) {
        OptionalInt n = virtualPatients(call);
        PlanRequest request = PlanRequestReader.read(call.tree());
        Plan plan = Planner.plan(request, options(call));
        call.answer(n.isEmpty() ? plan
                : plan.withUncertainty(Uncertainty.plan(request, n.getAsInt(), Uncertainty.DEFAULT_SEED)));
    }

    private void course(Call call) {
        OptionalInt n = virtualPatients(call);
        CourseRequest request = CourseRequestReader.read(call.tree());
        CourseResult course = CoursePlanner.plan(request, options(call));
        call.answer(n.isEmpty() ? course
                : course.withUncertainty(Uncertainty.course(request, n.getAsInt(), Uncertainty.DEFAULT_SEED)));
    }

    /** {@code ?uncertainty=N}: empty when absent, a 422 naming it when not a whole number in range. */
    static OptionalInt virtualPatients(Call call) {
        return call.wholeNumberQuery("uncertainty", Uncertainty.VIRTUAL_PATIENTS);
    }

    private static String range() {
        return (long) Uncertainty.VIRTUAL_PATIENTS.low() + "-" + (long) Uncertainty.VIRTUAL_PATIENTS.high();
    }

    /** {@code ?timeline=true} asks for the simulated time course. */
    public static PlanOptions options(Call call) {
        return call.query("timeline").map(Boolean::parseBoolean).orElse(false)
                ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline();
    }
}
