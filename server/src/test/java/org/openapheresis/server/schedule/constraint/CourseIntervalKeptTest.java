package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.course;
import static org.openapheresis.server.schedule.Week.pinned;

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

    @Test
    void a_48_h_course_whose_next_session_falls_on_the_closed_sunday_may_wait_until_monday() {
        // Friday 08:00 + 48 h = Sunday 08:00, closed all of Saturday 20:00 to Sunday 20:00: Monday (opens 07:30)
        // is allowed until 19:30, the tolerance after the reopening
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(7, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void past_the_reopening_and_its_tolerance_the_wait_is_a_breach_by_the_minutes_beyond() {
        // Tuesday 08:00 is 12 h 30 min after Monday 19:30
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(8, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60 + 30);
    }

    @Test
    void a_saturday_session_24_h_early_is_still_a_breach_a_closure_never_moves_a_course_earlier() {
        // Friday 08:00 to Saturday 08:00: 24 h for 48 h, 12 h beyond the tolerance
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(5, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60);
    }

    @Test
    void two_sessions_done_72_h_apart_are_facts_not_counted() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(course("tpe", 1, 48, null), at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(course("tpe", 2, 48, null), at(3, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }
}
