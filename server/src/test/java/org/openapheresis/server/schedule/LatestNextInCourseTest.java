package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.server.schedule.Week.at;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the next session of a course may start at the latest (standard rules: closed Sunday, 12 h tolerance). */
class LatestNextInCourseTest {

    private static final UnitRules RULES = Week.RULES;
    private static final int EXCHANGE_MIN = 150;

    @Test
    void an_open_day_around_the_interval_keeps_the_interval_and_its_tolerance() {
        // Monday 08:00 + 48 h: Wednesday 20:00 at the latest
        assertThat(RULES.latestNextInCourse(at(0, 8, 0), 48 * 60, EXCHANGE_MIN)).isEqualTo(at(2, 20, 0));
    }

    @Test
    void a_closed_sunday_lets_the_session_wait_until_the_tolerance_after_monday_opens() {
        // Friday 08:00 + 48 h: Sunday, closed from Saturday 20:00 to Sunday 20:00; Monday opens 07:30
        assertThat(RULES.latestNextInCourse(at(4, 8, 0), 48 * 60, EXCHANGE_MIN)).isEqualTo(at(7, 19, 30));
    }

    @Test
    void saturday_morning_counts_when_the_session_fits_it_but_not_when_it_is_longer_than_the_day() {
        // Thursday 13:00 + 48 h = Saturday 13:00 +- 12 h; Saturday is open 08:00-14:00 (6 h)
        assertThat(RULES.latestNextInCourse(at(3, 13, 0), 48 * 60, EXCHANGE_MIN)).isEqualTo(at(6, 1, 0));
        assertThat(RULES.latestNextInCourse(at(3, 13, 0), 48 * 60, 7 * 60)).isEqualTo(at(7, 19, 30));
    }

    @Test
    void a_holiday_monday_after_the_sunday_moves_the_wait_to_tuesday() {
        UnitRules easter = new UnitRules(RULES.origin(), ZoneOffset.UTC, RULES.slotMin(), RULES.openingHours(),
                Set.of(LocalDate.of(2026, 3, 9)), RULES.labCutOff(), RULES.maxPatientsPerNurse(), RULES.turnoverMin(),
                RULES.setUpAndRinsebackMin(), RULES.intervalToleranceMin(), RULES.labTurnaroundMin());
        assertThat(easter.latestNextInCourse(at(4, 8, 0), 48 * 60, EXCHANGE_MIN)).isEqualTo(at(8, 19, 30));
    }

    @Test
    void a_session_without_an_interval_is_never_stretched() {
        assertThat(RULES.latestNextInCourse(at(5, 13, 0), 0, EXCHANGE_MIN)).isEqualTo(at(6, 1, 0));
    }
}
