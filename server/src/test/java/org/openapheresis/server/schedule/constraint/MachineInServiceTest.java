package org.openapheresis.server.schedule.constraint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_2;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.infusion;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.schedule.Span;
import org.openapheresis.server.schedule.UnitMachine;
import org.openapheresis.system.InvalidInputException;

class MachineInServiceTest {

    private static final MachineInService RULE = new MachineInService();

    /** Out of service Monday 10:00–13:00 (a service visit). */
    private static final UnitMachine SERVICED = new UnitMachine("m9", "Optia-9", EnumSet.of(
            ProcedureType.PLASMA_EXCHANGE), List.of(new Span(at(0, 10, 0), at(0, 13, 0))));

    @Test
    void a_session_on_a_machine_while_it_is_out_of_service_counts_the_minutes_it_overlaps() {
        // 08:30 to 11:00 on the machine: the last hour falls in the service visit
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 30), SERVICED, CHAIR_1, MOREAU))
                .penalizesBy(60);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 10, 30), SERVICED, CHAIR_1, MOREAU))
                .penalizesBy(150);
    }

    @Test
    void before_and_after_the_period_another_machine_or_no_machine_nothing_counts() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 7, 30), SERVICED, CHAIR_1, MOREAU),
                        exchange().at(at(0, 13, 0), SERVICED, CHAIR_1, MOREAU),
                        exchange().at(at(0, 10, 0), OPTIA_2, CHAIR_1, MOREAU),
                        infusion().at(at(0, 10, 0), null, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void a_period_that_ends_before_it_begins_is_refused() {
        assertThatThrownBy(() -> new Span(at(0, 13, 0), at(0, 10, 0))).isInstanceOf(InvalidInputException.class);
    }
}
