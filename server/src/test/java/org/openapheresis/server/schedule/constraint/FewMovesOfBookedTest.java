package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.CHAIR_2;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.OPTIA_2;
import static org.openapheresis.server.schedule.Week.TANAKA;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;

import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.Booking;
import org.openapheresis.server.schedule.PlannedSession;

class FewMovesOfBookedTest {

    private static final FewMovesOfBooked RULE = new FewMovesOfBooked();

    private static PlannedSession bookedAt8() {
        return exchange().booked(new Booking("s1", 1, at(0, 8, 0), OPTIA_1, CHAIR_1, null), false);
    }

    @Test
    void a_booked_session_moved_in_time_or_to_another_machine_or_chair_counts_one_each() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedAt8().at(at(0, 9, 0), OPTIA_1, CHAIR_1, MOREAU),
                        bookedAt8().at(at(0, 8, 0), OPTIA_2, CHAIR_1, MOREAU),
                        bookedAt8().at(at(0, 8, 0), OPTIA_1, CHAIR_2, MOREAU))
                .penalizesBy(3);
    }

    @Test
    void a_booking_left_in_place_is_no_move_even_when_it_gains_a_nurse_and_a_new_session_is_never_a_move() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedAt8().at(at(0, 8, 0), OPTIA_1, CHAIR_1, TANAKA),
                        exchange().at(at(0, 9, 0), OPTIA_2, CHAIR_2, MOREAU))
                .hasNoImpact();
    }
}
