package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.bookedOnCall;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.pinned;

import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.session.BookingWarning;

class InsideOpeningHoursTest {

    private static final InsideOpeningHours RULE = new InsideOpeningHours();

    @Test
    void a_session_ending_after_closing_is_penalised_by_the_minutes_after_it() {
        // Monday closes 18:00; 16:00 + 150 min ends 18:30
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 16, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(30);
    }

    @Test
    void a_session_starting_before_opening_is_penalised_by_the_minutes_before_it() {
        // opens 07:30
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 7, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(30);
    }

    @Test
    void a_session_on_a_closed_day_is_outside_for_all_its_minutes() {
        // Sunday
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(6, 9, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(150);
    }

    @Test
    void sessions_inside_the_day_and_on_saturday_morning_keep_the_rule() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 7, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 15, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(5, 11, 30), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_session_done_or_running_outside_the_hours_is_a_fact_not_counted() {
        // this morning's granulocytes, collected from 04:00 before the unit opened: no plan can change that
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(exchange(), at(0, 4, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_session_booked_on_call_outside_the_hours_is_not_counted_where_it_was_booked_but_is_once_moved() {
        // an urgent exchange booked by hand Sunday 09:00 and Monday 19:00, the warnings acknowledged
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedOnCall(exchange(), at(6, 9, 0), OPTIA_1, CHAIR_1, MOREAU, BookingWarning.Code.UNIT_CLOSED),
                        bookedOnCall(exchange(), at(0, 19, 0), OPTIA_1, CHAIR_1, MOREAU,
                                BookingWarning.Code.OUTSIDE_OPENING_HOURS))
                .hasNoImpact();
        PlannedSession moved = bookedOnCall(exchange(), at(6, 9, 0), OPTIA_1, CHAIR_1, MOREAU,
                BookingWarning.Code.UNIT_CLOSED);
        moved.setStartMinute(at(6, 10, 0));
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(moved).penalizesBy(150);
        // another warning acknowledged says nothing of the hours
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedOnCall(exchange(), at(6, 9, 0), OPTIA_1, CHAIR_1, MOREAU, BookingWarning.Code.LABS_NOT_BACK))
                .penalizesBy(150);
    }
}
