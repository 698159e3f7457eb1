package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.OPTIA_2;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.collection;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.infusion;

import org.junit.jupiter.api.Test;

class MachineFitsProcedureTest {

    private static final MachineFitsProcedure RULE = new MachineFitsProcedure();

    @Test
    void a_collection_on_a_machine_set_up_only_for_exchanges_is_penalised_by_its_minutes() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(collection().at(at(0, 8, 0), OPTIA_2, CHAIR_1, MOREAU))
                .penalizesBy(270);
    }

    @Test
    void a_separator_procedure_without_a_machine_breaks_the_rule() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), null, CHAIR_1, MOREAU))
                .penalizesBy(150);
    }

    @Test
    void an_infusion_takes_no_machine() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(infusion().at(at(0, 8, 0), null, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 0), OPTIA_2, CHAIR_1, MOREAU),
                        collection().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(infusion().at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(210);
    }
}
