package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import org.junit.jupiter.api.Test;

class AceInhibitorAlbuminExchangeRuleTest {

    final CandidacyRule rule = new AceInhibitorAlbuminExchangeRule();

    @Test
    void an_ace_inhibitor_before_an_albumin_exchange_warns_with_the_published_hold_time_and_its_source() {
        Warning w = rule.check(facts(adultWoman(40, 240), exchange(100), history(true, false))).orElseThrow();
        assertThat(w.code()).isEqualTo(WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE);
        assertThat(w.severity()).isEqualTo(Severity.DANGER);
        assertThat(w.source()).startsWith("Owen HG, Brecher ME").contains("1994;34:891");
        assertThat(w.message()).contains("at least 24 h");
    }

    @Test
    void is_silent_without_an_ace_inhibitor_or_without_albumin() {
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(100), history(false, false)))).isEmpty();
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(0), history(true, false)))).isEmpty();
    }
}
