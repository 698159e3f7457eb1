package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.course;
import static org.openapheresis.server.schedule.Week.pinned;

import org.junit.jupiter.api.Test;

class CourseStretchedOverClosureTest {

    private static final CourseStretchedOverClosure RULE = new CourseStretchedOverClosure();

    @Test
    void monday_after_a_friday_session_of_a_48_h_course_is_named_by_the_minutes_beyond_48_h_and_12_h() {
        // Friday 08:00 to Monday 08:00 is 72 h: 12 h more than 48 h + 12 h
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(7, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60);
    }

    @Test
    void the_earliest_start_monday_is_the_shortest_stretch() {
        // Monday 07:30: 71 h 30 min, 11 h 30 min beyond
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(7, 7, 30), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(11 * 60 + 30);
    }

    @Test
    void the_first_session_of_the_plan_is_measured_from_the_courses_last_one_before_it() {
        // the last session was done on Friday 08:00 (minute at(4, 8, 0)), the plan's first is Monday 08:00
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 4, 48, at(4, 8, 0)).at(at(7, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(12 * 60);
    }

    @Test
    void a_kept_interval_and_a_broken_one_are_not_stretches() {
        // Monday to Wednesday keeps 48 h; Wednesday to Saturday is 72 h while Friday was open: a breach of the
        // interval rule, not a stretch
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(2, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 3, 48, null).at(at(5, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_stretch_between_two_sessions_done_is_history_not_counted() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(course("tpe", 1, 48, null), at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(course("tpe", 2, 48, null), at(7, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }
}
