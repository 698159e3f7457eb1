package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.course;

import org.junit.jupiter.api.Test;

class CourseFollowsLastSessionTest {

    private static final CourseFollowsLastSession RULE = new CourseFollowsLastSession();

    @Test
    void the_first_session_of_the_week_follows_last_saturdays_by_the_interval() {
        // last session Saturday 28 Feb 10:00 (minute -2 days 14 h); 48 h later is Monday 10:00
        int saturday = -(24 + 14) * 60;
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 3, 48, saturday).at(at(0, 10, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 3, 48, saturday).at(at(1, 10, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60);
    }

    @Test
    void a_course_without_a_session_before_the_plan_is_free_to_start() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 10, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }
}
