package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidacyRulesTest {

    @Test
    void an_order_needs_its_candidacy_warnings_first_and_then_the_plans_own() {
        CandidacyFacts f = facts(adultWoman(40, 240), exchange(100), history(true, false));
        List<Warning> all = CandidacyRules.check(f);
        assertThat(all.get(0).code()).isEqualTo(WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE);
        assertThat(all.subList(1, all.size())).containsExactlyElementsOf(f.planWarnings());
    }

    @Test
    void every_candidacy_rule_warns_with_a_candidacy_code() {
        assertThat(CandidacyRules.all()).allSatisfy(r ->
                assertThat(r.code().scope()).isEqualTo(WarningCode.Scope.CANDIDACY));
    }
}
