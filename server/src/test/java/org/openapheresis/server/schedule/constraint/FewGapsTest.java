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

class FewGapsTest {

    private static final FewGaps RULE = new FewGaps();

    @Test
    void the_idle_minutes_between_a_nurses_sessions_of_a_day_count_one_each() {
        // 08:00–10:30, then 12:00–14:30 and 13:00–15:30 (two at once: one stretch): 90 min idle
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 12, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 13, 0), OPTIA_2, CHAIR_2, MOREAU))
                .penalizesBy(90);
    }

    @Test
    void sessions_back_to_back_overlapping_on_other_days_or_with_other_nurses_count_nothing() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 9, 0), OPTIA_2, CHAIR_2, MOREAU),
                        exchange().at(at(1, 15, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 15, 0), OPTIA_2, CHAIR_2, TANAKA))
                .hasNoImpact();
    }

    @Test
    void the_breach_names_the_nurse_the_day_and_each_gap() {
        PlannedSession a = exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU);
        PlannedSession b = exchange().at(at(0, 11, 0), OPTIA_1, CHAIR_1, MOREAU);
        PlannedSession c = exchange().at(at(0, 14, 0), OPTIA_1, CHAIR_1, MOREAU);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(a, b, c)
                .justifiesWith(new Breach("nurse nurse.moreau waits 60 min between sessions on 2026-03-02 "
                        + "(10:30–11:00, 13:30–14:00)", List.of(a.getKey(), b.getKey(), c.getKey()).stream().sorted()
                                .toList()));
    }
}
