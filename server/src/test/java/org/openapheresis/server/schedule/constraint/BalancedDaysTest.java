package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.CHAIR_2;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.OPTIA_2;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.infusion;

import org.junit.jupiter.api.Test;

class BalancedDaysTest {

    private static final BalancedDays RULE = new BalancedDays();

    @Test
    void two_exchanges_on_one_day_weigh_more_than_one_on_each_of_two_days() {
        // 150 min each of a 630 min weekday (07:30-18:00): 23 % -> 5 each; 300 min on one day: 47 % -> 22
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 0), OPTIA_2, CHAIR_2, MOREAU))
                .penalizesBy(22);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(10);
    }

    @Test
    void a_saturday_weighs_its_minutes_against_its_shorter_hours_and_infusions_count_too() {
        // Saturday 08:00-14:00 is 360 min: an infusion of 180 + 30 min is 58 % -> 33; the same on a Monday 33 % -> 10
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(infusion().at(at(5, 9, 0), null, CHAIR_1, MOREAU))
                .penalizesBy(33);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(infusion().at(at(0, 9, 0), null, CHAIR_1, MOREAU))
                .penalizesBy(10);
    }

    @Test
    void a_session_on_a_closed_day_counts_its_minutes() {
        // Sunday is closed: 150 min -> 150 "percent" -> 225
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(6, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(225);
    }
}
