package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;
import static org.openapheresis.safety.Candidates.history;

import org.junit.jupiter.api.Test;

class PlasmaAllergyRuleTest {

    final CandidacyRule rule = new PlasmaAllergyRule();

    @Test
    void warns_when_the_replacement_contains_plasma_and_an_allergy_to_plasma_is_recorded() {
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(0), history(false, true)))).isPresent();
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(50), history(false, false, "FFP (urticaria)"))))
                .get().extracting(Warning::code).isEqualTo(WarningCode.PLASMA_ALLERGY);
    }

    @Test
    void is_silent_with_albumin_only_or_without_a_recorded_allergy() {
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(100), history(false, true)))).isEmpty();
        assertThat(rule.check(facts(adultWoman(40, 240), exchange(0), history(false, false, "penicillin"))))
                .isEmpty();
    }
}
