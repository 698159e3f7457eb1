package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.TANAKA;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;

import org.junit.jupiter.api.Test;

class BalancedNurseLoadTest {

    private static final BalancedNurseLoad RULE = new BalancedNurseLoad();

    @Test
    void four_sessions_on_one_nurse_weigh_more_than_two_each_on_two() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(2, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(3, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(16);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 8, 0), OPTIA_1, CHAIR_1, TANAKA),
                        exchange().at(at(2, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(3, 8, 0), OPTIA_1, CHAIR_1, TANAKA))
                .penalizesBy(8);
    }

    @Test
    void pinned_sessions_count_towards_a_nurses_load_and_a_session_being_built_without_a_nurse_does_not() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().booked(new org.openapheresis.server.schedule.Booking("s1", 1, at(0, 8, 0), OPTIA_1,
                        CHAIR_1, MOREAU), true),
                        exchange().at(at(1, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(2, 8, 0), OPTIA_1, CHAIR_1, null))
                .penalizesBy(4);
    }
}
