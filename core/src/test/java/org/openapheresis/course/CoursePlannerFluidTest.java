package org.openapheresis.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;

class CoursePlannerFluidTest {

    @Test
    void later_sessions_start_euvolaemic_so_the_haematocrit_and_exchange_volume_do_not_drift() {
        List<CourseStep> steps = List.of(new CourseStep(Fixtures.albuminExchange(1.0), 0),
                new CourseStep(Fixtures.albuminExchange(1.0), 48), new CourseStep(Fixtures.albuminExchange(1.0), 96),
                new CourseStep(Fixtures.albuminExchange(1.0), 144), new CourseStep(Fixtures.albuminExchange(1.0), 192));
        CourseResult r = CoursePlanner.plan(new CourseRequest(Fixtures.adultMale80kg(), OptionalDouble.empty(), steps, 240),
                PlanOptions.withoutTimeline());
        Plan first = r.sessions().get(0);
        Plan last = r.sessions().get(4);
        assertThat(last.predicted().get("hematocrit").pre()).isCloseTo(first.predicted().get("hematocrit").pre(),
                within(0.1));
        assertThat(last.exchangeVolumeMl()).isCloseTo(first.exchangeVolumeMl(), within(2.0));
        assertThat(r.assumptions()).anyMatch(a -> a.contains("plasma volume returns to its pre-course value"));
    }
}
