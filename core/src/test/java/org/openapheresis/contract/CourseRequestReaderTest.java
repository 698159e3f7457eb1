package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

class CourseRequestReaderTest {

    @Test
    void a_schedule_becomes_evenly_spaced_sessions_and_the_next_time_is_one_interval_later() {
        var root = Fixtures.contractExampleTree();
        root.put("schedule", Map.of("sessions", 5, "intervalHours", 48));
        var course = CourseRequestReader.read(root);
        assertThat(course.steps()).extracting(s -> s.atHour()).containsExactly(0.0, 48.0, 96.0, 144.0, 192.0);
        assertThat(course.nextScheduledHour()).isEqualTo(240);
    }

    @Test
    void steps_may_mix_procedure_types() {
        var root = Fixtures.contractExampleTree();
        Object pe = root.remove("procedure");
        root.put("steps", List.of(Map.of("procedure", pe, "atHour", 0),
                Map.of("procedure", Map.of("type", "ivig-infusion", "doseGPerKg", 2.0, "days", 5), "atHour", 48)));
        var course = CourseRequestReader.read(root);
        assertThat(course.steps()).extracting(s -> s.procedure().type())
                .containsExactly(ProcedureType.PLASMA_EXCHANGE, ProcedureType.IVIG_INFUSION);
    }

    @Test
    void needs_a_schedule_or_steps_and_steps_in_time_order() {
        var root = Fixtures.contractExampleTree();
        var p = catchThrowableOfType(InvalidInputException.class, () -> CourseRequestReader.read(root)).problems();
        assertThat(p).extracting(Problem::field).containsExactly("schedule");

        var root2 = Fixtures.contractExampleTree();
        Object pe = root2.remove("procedure");
        root2.put("steps", List.of(Map.of("procedure", pe, "atHour", 0), Map.of("procedure", pe, "atHour", 96),
                Map.of("procedure", pe, "atHour", 48)));
        var p2 = catchThrowableOfType(InvalidInputException.class, () -> CourseRequestReader.read(root2)).problems();
        assertThat(p2).extracting(Problem::field).containsExactly("steps[2].atHour");
    }

    @Test
    void refuses_a_schedule_without_sessions() {
        var root = Fixtures.contractExampleTree();
        root.put("schedule", Map.of("intervalHours", 48));
        var p = catchThrowableOfType(InvalidInputException.class, () -> CourseRequestReader.read(root)).problems();
        assertThat(p).extracting(Problem::field).containsExactly("schedule.sessions");
    }
}
