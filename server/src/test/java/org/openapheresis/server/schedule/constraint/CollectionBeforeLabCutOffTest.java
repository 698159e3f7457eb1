package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.bookedOnCall;
import static org.openapheresis.server.schedule.Week.collection;
import static org.openapheresis.server.schedule.Week.exchange;

import org.junit.jupiter.api.Test;
import org.openapheresis.server.session.BookingWarning;

class CollectionBeforeLabCutOffTest {

    private static final CollectionBeforeLabCutOff RULE = new CollectionBeforeLabCutOff();

    @Test
    void a_collection_ending_after_15_00_is_penalised_by_the_minutes_late() {
        // 11:00 + 240 min run + 30 min rinseback = 15:30
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(collection().at(at(1, 11, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(30);
    }

    @Test
    void a_collection_ending_at_the_cut_off_and_an_exchange_ending_later_keep_the_rule() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(collection().at(at(1, 10, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 15, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_collection_booked_on_call_after_the_cut_off_is_not_counted_where_it_was_booked() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedOnCall(collection(), at(1, 11, 0), OPTIA_1, CHAIR_1, MOREAU,
                        BookingWarning.Code.AFTER_LAB_CUTOFF))
                .hasNoImpact();
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(bookedOnCall(collection(), at(1, 11, 0), OPTIA_1, CHAIR_1, MOREAU,
                        BookingWarning.Code.OUTSIDE_OPENING_HOURS))
                .penalizesBy("the hours acknowledged say nothing of the lab's cut-off", 30);
    }
}
