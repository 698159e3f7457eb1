package org.openapheresis.server.schedule.constraint;

import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.exchange;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.PlannedSession;
import org.openapheresis.server.schedule.PreferredHours;
import org.openapheresis.server.schedule.UnitRules;

class PreferredTimesTest {

    private static final PreferredTimes RULE = new PreferredTimes();

    /** Mondays 08:00–12:00 and Thursdays 13:00–17:00. */
    private static PreferredHours mondayMorningsThursdayAfternoons() {
        return new PreferredHours(Map.of(DayOfWeek.MONDAY, new UnitRules.Hours(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                DayOfWeek.THURSDAY, new UnitRules.Hours(LocalTime.of(13, 0), LocalTime.of(17, 0))));
    }

    @Test
    void minutes_outside_the_preferred_window_count_twice_each_and_a_day_not_preferred_counts_every_minute() {
        // 150 min from 07:30 on Monday: 30 min before 08:00
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withPreference(mondayMorningsThursdayAfternoons())
                        .at(at(0, 7, 30), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(PreferredTimes.WEIGHT * 30);
        // Thursday from 15:30 to 18:00: an hour after 17:00; Tuesday is not a day preferred: all 150 min
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withPreference(mondayMorningsThursdayAfternoons())
                        .at(at(3, 15, 30), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().withPreference(mondayMorningsThursdayAfternoons())
                                .at(at(1, 9, 0), OPTIA_1, CHAIR_1, MOREAU))
                .penalizesBy(PreferredTimes.WEIGHT * (60 + 150));
    }

    @Test
    void inside_the_window_or_for_a_patient_with_no_preference_nothing_counts() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(exchange().withPreference(mondayMorningsThursdayAfternoons())
                        .at(at(0, 9, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(1, 7, 30), OPTIA_1, CHAIR_1, MOREAU))
                .hasNoImpact();
    }

    @Test
    void the_breach_says_how_far_outside_and_what_the_patient_prefers() {
        PlannedSession s = exchange().withPreference(mondayMorningsThursdayAfternoons())
                .at(at(0, 11, 0), OPTIA_1, CHAIR_1, MOREAU);
        VERIFIER.verifyThat((p, f) -> RULE.define(f)).given(s)
                .justifiesWith(new Breach(s.label() + " from Mon 2 Mar 11:00 to 13:30 lies 90 min outside the times "
                        + "the patient prefers (Mon 08:00–12:00, Thu 13:00–17:00)", List.of(s.getKey())));
    }
}
