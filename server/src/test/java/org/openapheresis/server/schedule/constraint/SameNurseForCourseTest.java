package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.TANAKA;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.course;

import org.junit.jupiter.api.Test;

class SameNurseForCourseTest {

    private static final SameNurseForCourse RULE = new SameNurseForCourse();

    @Test
    void a_course_with_two_nurses_is_penalised_once_by_the_weight() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("tpe", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("tpe", 2, 48, null).at(at(2, 8, 0), OPTIA_1, CHAIR_1, TANAKA),
                        course("tpe", 3, 48, null).at(at(4, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(SameNurseForCourse.WEIGHT);
    }

    @Test
    void a_course_with_one_nurse_and_another_course_with_another_are_fine() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(course("a", 1, 48, null).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("a", 2, 48, null).at(at(2, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        course("b", 1, 48, null).at(at(0, 12, 0), OPTIA_1, CHAIR_1, TANAKA))
                .hasNoImpact();
    }
}
