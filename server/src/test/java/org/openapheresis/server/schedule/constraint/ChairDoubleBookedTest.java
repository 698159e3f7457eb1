package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.CHAIR_2;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.TANAKA;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.infusion;

import org.junit.jupiter.api.Test;

class ChairDoubleBookedTest {

    private static final ChairDoubleBooked RULE = new ChairDoubleBooked();

    @Test
    void an_infusion_without_a_machine_still_holds_its_chair() {
        // the infusion has no machine (unassigned): forEach would drop it; 09:00–12:30 against 08:00–10:45
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        infusion().at(at(0, 9, 0), null, CHAIR_1, TANAKA))
                .penalizesBy(105);
    }

    @Test
    void two_chairs_at_once_do_not_clash() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        infusion().at(at(0, 8, 0), null, CHAIR_2, TANAKA))
                .hasNoImpact();
    }
}
