package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The starts a course's session is offered ({@link UnitRules#startsInCourse}) take away only what no plan keeping
 * the course's interval could use.
 */
class StartsInCourseTest {

    private static final UnitRules RULES = Week.RULES;
    private static final List<Integer> WEEK = RULES.starts(6, 0);

    @Test
    void the_first_of_three_sessions_every_48_h_is_not_offered_the_end_of_the_week() {
        List<Integer> first = RULES.startsInCourse(WEEK, 0, 2, 48 * 60);
        // two gaps of at least 36 h must follow it: it starts by Wednesday evening
        assertThat(first).isNotEmpty().allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(WEEK.get(WEEK.size() - 1)
                - 2 * 36 * 60));
        assertThat(first).contains(WEEK.get(0));
        List<Integer> last = RULES.startsInCourse(WEEK, 2, 0, 48 * 60);
        assertThat(last).allSatisfy(m -> assertThat(m).isGreaterThanOrEqualTo(WEEK.get(0) + 2 * 36 * 60));
        assertThat(RULES.startsInCourse(WEEK, 0, 0, 0)).as("a single session keeps every start").isEqualTo(WEEK);
    }

    @Test
    void a_course_that_cannot_fit_keeps_every_start_so_that_the_broken_rule_is_named() {
        assertThat(RULES.startsInCourse(WEEK, 0, 9, 48 * 60)).isEqualTo(WEEK);
    }

    /**
     * Any course placed on the week's starts with every gap inside the interval's tolerance has each session among
     * the starts it is offered.
     */
    @Property(tries = 500)
    void no_start_a_course_keeping_its_interval_could_use_is_taken_away(@ForAll @IntRange(min = 2, max = 4) int count,
            @ForAll @IntRange(min = 0, max = 1) int everyOtherDay, @ForAll @IntRange(min = 0, max = 300) int firstIndex,
            @ForAll @IntRange(min = -48, max = 48) int driftQuarterHours) {
        int interval = (1 + everyOtherDay) * 24 * 60;
        List<Integer> course = new ArrayList<>();
        int at = WEEK.get(Math.min(firstIndex, WEEK.size() - 1));
        course.add(at);
        for (int k = 1; k < count; k++) {
            int wanted = at + interval + driftQuarterHours * 15;
            int next = WEEK.stream().filter(m -> m >= wanted).findFirst().orElse(-1);
            if (next < 0 || Math.abs(next - at - interval) > RULES.intervalToleranceMin()) {
                return; // this course does not fit the week: nothing to check
            }
            course.add(next);
            at = next;
        }
        for (int k = 0; k < count; k++) {
            assertThat(RULES.startsInCourse(WEEK, k, count - 1 - k, interval)).contains(course.get(k));
        }
    }
}
