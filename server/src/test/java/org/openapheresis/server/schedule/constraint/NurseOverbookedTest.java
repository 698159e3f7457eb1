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
import static org.openapheresis.server.schedule.Week.infusion;
import static org.openapheresis.server.schedule.Week.pinned;

import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.UnitChair;

class NurseOverbookedTest {

    private static final NurseOverbooked RULE = new NurseOverbooked();
    private static final UnitChair CHAIR_3 = new UnitChair("c3", "Chair 3");

    @Test
    void a_nurse_runs_two_sessions_at_once_under_the_standard_ratio() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 30), OPTIA_2, CHAIR_2, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_third_session_at_once_breaks_the_ratio_by_its_minutes() {
        // the infusion starts 09:00 while both exchanges run: 3 > 2, penalised by its 210 min
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 30), OPTIA_2, CHAIR_2, MOREAU),
                        infusion().at(at(0, 9, 0), null, CHAIR_3, MOREAU))
                .penalizesBy(210);
    }

    @Test
    void the_third_session_is_fine_with_another_nurse_or_after_one_ended() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 30), OPTIA_2, CHAIR_2, MOREAU),
                        infusion().at(at(0, 9, 0), null, CHAIR_3, TANAKA),
                        infusion().at(at(0, 10, 30), null, new UnitChair("c4", "Chair 4"), MOREAU))
                .hasNoImpact();
    }

    @Test
    void three_sessions_at_once_all_done_are_not_counted_but_a_new_one_beside_two_done_is() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(exchange(), at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(exchange(), at(0, 8, 15), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(exchange(), at(0, 8, 30), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(pinned(exchange(), at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        pinned(exchange(), at(0, 8, 15), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 30), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(150);
    }
}
