package org.openapheresis.server.planning;

import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.http.Call;

/**
 * {@code POST /api/plans} and {@code POST /api/courses}: the same readers, planners and JSON settings as the
 * command line, so the answer is the CLI's output. {@code ?timeline=true} adds the simulated time course.
 */
public final class PlanHandlers {

    public void plan(Call call) {
        call.answer(Planner.plan(PlanRequestReader.read(call.tree()), options(call)));
    }

    public void course(Call call) {
        call.answer(CoursePlanner.plan(CourseRequestReader.read(call.tree()), options(call)));
    }

    private static PlanOptions options(Call call) {
        return call.query("timeline").map(Boolean::parseBoolean).orElse(false)
                ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline();
    }
}
