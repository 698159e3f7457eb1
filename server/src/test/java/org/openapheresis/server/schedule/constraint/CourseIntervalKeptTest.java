package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.course;

import org.junit.jupiter.api.Test;

class CourseIntervalKeptTest {

    private static final CourseIntervalKept RULE = new CourseIntervalKept();

    @Test
    void sessions_48_h_apart_within_12_h_keep_the_interval() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(2, 14, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 3, 48, null).at(at(4, 14, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_gap_of_72_h_for_48_h_is_penalised_by_the_12_h_beyond_the_tolerance() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(3, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60);
    }

    @Test
    void a_second_session_before_the_first_is_far_outside() {
        // gap -24 h: 72 h from 48 h, 60 h beyond the tolerance
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(1, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(60 * 60);
    }

    @Test
    void sessions_of_other_courses_are_not_compared() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("a", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("b", 2, 48, null).at(at(0, 10, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }
}
