package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule list and the tests stay in step: every rule has its own test class, every code a rule. */
class EveryRuleHasATestTest {

    @Test
    void every_rule_class_has_a_test_class_named_after_it() {
        List<Class<?>> rules = new ArrayList<>();
        SafetyRules.all().forEach(r -> rules.add(r.getClass()));
        rules.add(IvigBeforePlasmaExchangeRule.class);
        CandidacyRules.all().forEach(r -> rules.add(r.getClass()));
        OutcomeRules.all().forEach(r -> rules.add(r.getClass()));
        RedCellExchangeRules.all().forEach(r -> rules.add(r.getClass()));
        for (Class<?> rule : rules) {
            assertThat(exists(rule.getName() + "Test")).as("test class for " + rule.getSimpleName()).isTrue();
        }
    }

    @Test
    void every_rule_names_its_source() {
        SafetyRules.all().forEach(r -> assertThat(r.source()).as(r.code().name()).isNotBlank());
        CandidacyRules.all().forEach(r -> assertThat(r.source()).as(r.code().name()).isNotBlank());
        OutcomeRules.all().forEach(r -> assertThat(r.source()).as(r.code().name()).isNotBlank());
        RedCellExchangeRules.all().forEach(r -> assertThat(r.source()).as(r.code().name()).isNotBlank());
    }

    @Test
    void every_warning_code_has_exactly_one_rule() {
        Set<WarningCode> covered = EnumSet.noneOf(WarningCode.class);
        for (SafetyRule r : SafetyRules.all()) {
            assertThat(covered.add(r.code())).as("second rule for " + r.code()).isTrue();
        }
        covered.add(new IvigBeforePlasmaExchangeRule().code());
        for (CandidacyRule r : CandidacyRules.all()) {
            assertThat(covered.add(r.code())).as("second rule for " + r.code()).isTrue();
        }
        for (OutcomeRule r : OutcomeRules.all()) {
            assertThat(covered.add(r.code())).as("second rule for " + r.code()).isTrue();
        }
        for (RedCellExchangeRule r : RedCellExchangeRules.all()) {
            assertThat(covered.add(r.code())).as("second rule for " + r.code()).isTrue();
        }
        assertThat(covered).containsExactlyInAnyOrder(WarningCode.values());
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
