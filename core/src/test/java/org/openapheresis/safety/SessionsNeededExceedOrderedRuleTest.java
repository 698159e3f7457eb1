package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsNeededExceedOrderedRuleTest {

    final CandidacyRule rule = new SessionsNeededExceedOrderedRule();

    /** A poorly mobilised donor (CD34+ 8 /µL) with a target of 5 × 10^6 CD34+/kg: several sessions. */
    private static CandidacyFacts poorMobiliser(int ordered) {
        Map<String, Object> p = new LinkedHashMap<>(Candidates.adultWoman(40, 200));
        p.put("labs", Map.of("plateletsE9PerL", 200, "cd34PerUl", 8));
        return facts(p, Map.of("type", "hpc-collection", "target", Map.of("cd34PerKg", 5e6)), history(false, false),
                ordered);
    }

    @Test
    void more_sessions_needed_than_ordered_warns_with_both_numbers() {
        CandidacyFacts f = poorMobiliser(1);
        assertThat(f.sessionsNeeded()).as("the plan's own count").isGreaterThan(1);
        Warning w = rule.check(f).orElseThrow();
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).contains("needs " + f.sessionsNeeded() + " sessions").contains("prescribes 1 session");
    }

    @Test
    void is_silent_when_the_order_has_the_sessions_or_the_course_is_unknown() {
        CandidacyFacts f = poorMobiliser(1);
        assertThat(rule.check(poorMobiliser(f.sessionsNeeded()))).isEmpty();
        Map<String, Object> p = new LinkedHashMap<>(Candidates.adultWoman(40, 200));
        p.put("labs", Map.of("plateletsE9PerL", 200, "cd34PerUl", 8));
        assertThat(rule.check(facts(p, Map.of("type", "hpc-collection", "target", Map.of("cd34PerKg", 5e6)),
                history(false, false)))).as("no course known").isEmpty();
    }
}
