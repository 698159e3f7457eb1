package org.openapheresis.server.schedule.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.Skill;
import org.openapheresis.server.schedule.Span;
import org.openapheresis.server.schedule.UnitNurse;

class NurseOnShiftTest {

    private static final NurseOnShift RULE = new NurseOnShift();

    /** On shift Monday 07:30–15:30 and Tuesday 12:00–20:00. */
    private static final UnitNurse EARLY_THEN_LATE = new UnitNurse("nurse.silva", "Ana Silva", EnumSet.allOf(
            Skill.class), true, List.of(new Span(at(0, 7, 30), at(0, 15, 30)), new Span(at(1, 12, 0), at(1, 20, 0))));

    @Test
    void a_session_running_past_the_end_of_the_nurses_shift_counts_the_minutes_off_shift() {
        // 150 min on the machine from 14:00 ends 16:30: an hour after the shift ends
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 14, 0), OPTIA_1, CHAIR_1, EARLY_THEN_LATE))
                .penalizesBy(60);
    }

    @Test
    void a_day_with_no_shift_is_a_day_off_and_every_minute_counts() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(2, 9, 0), OPTIA_1, CHAIR_1, EARLY_THEN_LATE))
                .penalizesBy(150);
    }

    @Test
    void inside_a_shift_or_in_a_unit_that_keeps_no_rota_nothing_counts() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, EARLY_THEN_LATE),
                        exchange().at(at(1, 17, 30), OPTIA_1, CHAIR_1, EARLY_THEN_LATE),
                        exchange().at(at(2, 9, 0), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void shifts_that_overlap_or_touch_join_into_one() {
        UnitNurse split = new UnitNurse("n", "N", EnumSet.allOf(Skill.class), true, List.of(new Span(at(0, 12, 0),
                at(0, 16, 0)), new Span(at(0, 8, 0), at(0, 12, 0)), new Span(at(0, 9, 0), at(0, 10, 0))));
        assertThat(split.shifts()).containsExactly(new Span(at(0, 8, 0), at(0, 16, 0)));
        assertThat(split.minutesOffShift(at(0, 7, 0), at(0, 17, 0))).isEqualTo(120);
    }
}
