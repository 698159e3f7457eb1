package org.openapheresis.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openapheresis.procedure.CellRequests.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.system.InvalidInputException;

/** Courses that mix plasma exchange and IVIG run end to end, and warn when IVIG comes first. */
class MixedCourseTest {

    private static Map<String, Object> patient() {
        return obj("sex", "female", "ageYears", 34, "heightCm", 168, "weightKg", 64, "hematocritPercent", 40,
                "labs", obj("iggGPerL", 10.5, "fibrinogenGPerL", 3.0, "plateletsE9PerL", 240,
                        "ionizedCalciumMmolPerL", 1.2));
    }

    private static Map<String, Object> exchange() {
        return obj("type", "plasma-exchange", "plasmaVolumes", 1.0);
    }

    private static Map<String, Object> ivig() {
        return obj("type", "ivig-infusion", "doseGPerKg", 2.0, "days", 5);
    }

    private static CourseResult course(List<Object> steps) {
        return CoursePlanner.plan(CourseRequestReader.read(obj("patient", patient(), "steps", steps)),
                PlanOptions.withoutTimeline());
    }

    @Test
    void five_exchanges_then_ivig_runs_without_the_ivig_warning_and_ends_with_igg_restored() {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(obj("atHour", i * 48, "procedure", exchange()));
        }
        steps.add(obj("atHour", 216, "procedure", ivig()));
        CourseResult c = course(steps);
        assertThat(c.sessions()).hasSize(6);
        assertThat(c.sessions().get(5).procedureType()).isEqualTo("ivig-infusion");
        assertThat(c.warnings()).isEmpty();
        double iggBeforeIvig = c.sessions().get(5).predicted().get("igg").pre();
        assertThat(iggBeforeIvig).isLessThan(c.sessions().get(0).predicted().get("igg").pre());
        assertThat(c.summary().get("igg").afterLastSession()).isGreaterThan(iggBeforeIvig + 10);
    }

    @Test
    void ivig_then_five_exchanges_warns_once_per_exchange_and_the_exchanges_remove_the_infused_igg() {
        List<Object> steps = new ArrayList<>();
        steps.add(obj("atHour", 0, "procedure", ivig()));
        for (int i = 0; i < 5; i++) {
            steps.add(obj("atHour", 120 + i * 48, "procedure", exchange()));
        }
        CourseResult c = course(steps);
        assertThat(c.sessions()).hasSize(6);
        assertThat(c.warnings()).hasSize(5).allMatch(w -> w.code() == WarningCode.IVIG_BEFORE_PLASMA_EXCHANGE);
        double afterIvig = c.sessions().get(0).predicted().get("igg").post();
        assertThat(c.summary().get("igg").afterLastSession()).isLessThan(afterIvig / 2);
    }

    @Test
    void an_exchange_scheduled_during_the_ivig_days_is_refused_naming_its_step() {
        List<Object> steps = List.of(obj("atHour", 0, "procedure", ivig()), obj("atHour", 48, "procedure", exchange()));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> course(steps));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("steps[1].atHour"));
    }
}
