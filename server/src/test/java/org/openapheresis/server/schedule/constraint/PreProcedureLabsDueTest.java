package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.RULES;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.bookedOnCall;
import static org.openapheresis.server.schedule.Week.exchange;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.LabsDue;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.Week;
import org.openapheresis.server.session.BookingWarning;

class PreProcedureLabsDueTest {

    private static final PreProcedureLabsDue RULE = new PreProcedureLabsDue();

    /** Fibrinogen asked for at most 24 h old, last taken Sunday 1 March 10:00: current until Monday 10:00. */
    private static LabsDue fibrinogenTakenSundayAt10() {
        return new LabsDue("Fibrinogen", 24, at(0, 10, 0), "Fibrinogen taken Sun 1 Mar 10:00");
    }

    @Test
    void a_session_at_opening_whose_labs_are_stale_waits_the_labs_turnaround_and_counts_the_minutes_before_it() {
        // Tuesday opens 07:30; labs drawn then are back at 08:30 (the standard 60 min turnaround)
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withLabsDue(fibrinogenTakenSundayAt10()).at(at(1, 7, 30), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(60);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withLabsDue(new LabsDue("Platelets", 24, LabsDue.NEVER, "no Platelets on record"))
                        .at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(30);
    }

    @Test
    void labs_still_current_at_the_start_or_back_before_it_or_not_asked_for_count_nothing() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withLabsDue(fibrinogenTakenSundayAt10()).at(at(0, 7, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().withLabsDue(fibrinogenTakenSundayAt10()).at(at(0, 10, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().withLabsDue(fibrinogenTakenSundayAt10()).at(at(1, 8, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 7, 30), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void the_units_own_turnaround_sets_when_the_labs_are_back() {
        PlannedSession s = new PlannedSession("o#1", "o", 1, "p", "Berg, Sofia", org.openapheresis.procedure
                .ProcedureType.PLASMA_EXCHANGE, 120, java.util.Set.of(), 0, null, RULES.withLabTurnaround(120))
                .withLabsDue(fibrinogenTakenSundayAt10()).at(at(1, 8, 30), OPTIA_1, CHAIR_1, MOREAU);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(s).penalizesBy(60);
    }

    @Test
    void the_breach_names_the_labs_their_age_and_when_they_are_back_in_words() {
        PlannedSession s = Week.course("order-labs", 2, 48, null).withLabsDue(fibrinogenTakenSundayAt10())
                .at(at(1, 7, 45), OPTIA_1, CHAIR_1, MOREAU);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(s)
                .justifiesWith(new Breach("Patient order-labs (plasma-exchange, session 2 of the course) starts at "
                        + "Tue 3 Mar 07:45 and its order asks for Fibrinogen at most 24 h old (Fibrinogen taken Sun 1 Mar "
                        + "10:00): drawn on arrival, they are back at 08:30 (opening plus the lab's 60 min turnaround), "
                        + "45 min after the start", List.of("order-labs#2")));
    }

    @Test
    void a_session_booked_on_call_before_its_labs_are_back_is_not_counted_where_it_was_booked_but_is_once_moved() {
        PlannedSession onCall = bookedOnCall(exchange().withLabsDue(fibrinogenTakenSundayAt10()), at(1, 7, 30),
                OPTIA_1, CHAIR_1, MOREAU, BookingWarning.Code.LABS_NOT_BACK);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(onCall).hasNoImpact();
        onCall.setStartMinute(at(1, 7, 45));
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(onCall).penalizesBy(45);
    }
}
