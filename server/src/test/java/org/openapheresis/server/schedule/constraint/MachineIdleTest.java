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

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.PlannedSession;

class MachineIdleTest {

    private static final MachineIdle RULE = new MachineIdle();

    @Test
    void the_idle_minutes_between_a_machines_sessions_of_a_day_beyond_the_turnover_count_one_each() {
        // Optia 1: 08:00–10:30, then 12:00 (other nurse, other chair): 90 min apart, 15 min turnover, 75 idle
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 12, 0), OPTIA_1, CHAIR_2, TANAKA))
                .penalizesBy(75);
    }

    @Test
    void sessions_a_turnover_apart_on_other_machines_or_other_days_count_nothing() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 45), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 15, 0), OPTIA_2, CHAIR_2, TANAKA),
                        exchange().at(at(1, 15, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void the_breach_names_the_machine_the_day_and_each_gap_after_the_turnover() {
        PlannedSession a = exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU);
        PlannedSession b = exchange().at(at(0, 11, 0), OPTIA_1, CHAIR_1, MOREAU);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(a, b)
                .justifiesWith(new Breach("machine Optia-1 stands idle 15 min between sessions on 2026-03-02, beyond "
                        + "the 15 min turnover (10:45–11:00)", List.of(a.getKey(), b.getKey()).stream().sorted()
                                .toList()));
    }
}
