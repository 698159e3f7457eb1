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
import static org.openapheresis.server.schedule.Week.pinned;

import org.junit.jupiter.api.Test;

class MachineDoubleBookedTest {

    private static final MachineDoubleBooked RULE = new MachineDoubleBooked();

    @Test
    void two_sessions_on_one_machine_are_penalised_by_the_minutes_they_share() {
        // 08:00–10:30 plus 15 min turnover; the second starts 10:00: 45 min shared
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 0), OPTIA_1, CHAIR_2, TANAKA))
                .penalizesBy(45);
    }

    @Test
    void a_session_may_start_when_the_last_one_is_rinsed_back_and_turned_over() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 45), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void set_up_and_rinseback_count_as_machine_time() {
        // run time alone (120 min) would end at 10:00; set-up and rinseback hold it to 10:30, turnover to 10:45
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 30), OPTIA_1, CHAIR_2, TANAKA))
                .penalizesBy(15);
    }

    @Test
    void sessions_at_the_same_time_on_different_machines_do_not_clash() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 0), OPTIA_2, CHAIR_2, TANAKA))
                .hasNoImpact();
    }

    @Test
    void two_sessions_done_on_one_machine_are_not_counted_but_a_new_one_on_a_running_one_is() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(exchange(), at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(exchange(), at(0, 9, 0), OPTIA_1, CHAIR_2, MOREAU))
                .hasNoImpact();
        // the new one starts 09:00 on the machine the running one holds until 10:30 plus 15 min turnover
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(exchange(), at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 9, 0), OPTIA_1, CHAIR_2, MOREAU))
                .penalizesBy(105);
    }
}
