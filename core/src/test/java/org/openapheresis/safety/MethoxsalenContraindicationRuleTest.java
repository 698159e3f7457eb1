package org.openapheresis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.safety.Candidates.adultWoman;
import static org.openapheresis.safety.Candidates.conditions;
import static org.openapheresis.safety.Candidates.exchange;
import static org.openapheresis.safety.Candidates.facts;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The methoxsalen label's contraindications (UVADEX prescribing information) checked on a photopheresis order: a
 * psoralen hypersensitivity, a light-sensitive disease and aphakia each warn, worded as the record words them; other
 * procedures and unrelated records are left alone.
 */
class MethoxsalenContraindicationRuleTest {

    final CandidacyRule rule = new MethoxsalenContraindicationRule();

    /** The ECP example: an offline photopheresis of 1,500 mL processed, 240 mL treated. */
    static final Map<String, Object> ECP = Map.of("type", "photopheresis", "device", "continuous-flow", "method",
            "offline", "processedVolumeMl", 1500, "inletFlowMlPerMin", 40, "treatmentVolumeMl", 240, "regimen",
            "asfa-cgvhd", "cycleIntervalWeeks", 2, "taperCycles", 3);

    private CandidacyFacts ecp(List<String> conditions, String... allergies) {
        return facts(adultWoman(35, 200), ECP, conditions(conditions, allergies), 1);
    }

    @Test
    void each_of_the_label_s_contraindications_warns_as_danger_and_names_what_the_record_says() {
        for (List<String> c : List.of(List.of("Systemic lupus erythematosus"), List.of("SLE with nephritis"),
                List.of("Porphyria cutanea tarda"),
                List.of("erythropoietic protoporphyria"), List.of("Xeroderma pigmentosum"), List.of("oculocutaneous albinism"),
                List.of("Aphakia, left eye (cataract surgery 1998)"), List.of("photosensitivity with amiodarone"))) {
            Warning w = rule.check(ecp(c)).orElseThrow(() -> new AssertionError(c + " should warn"));
            assertThat(w.code()).isEqualTo(WarningCode.METHOXSALEN_CONTRAINDICATED);
            assertThat(w.severity()).isEqualTo(Severity.DANGER);
            assertThat(w.message()).contains("condition recorded: " + c.get(0));
            assertThat(w.source()).contains("UVADEX");
        }
        Warning allergy = rule.check(ecp(List.of(), "8-MOP (rash)", "penicillin")).orElseThrow();
        assertThat(allergy.message()).contains("allergy recorded: 8-MOP (rash)").doesNotContain("penicillin");
        assertThat(rule.check(ecp(List.of(), "Psoralens"))).isPresent();
    }

    @Test
    void is_silent_for_other_procedures_and_for_records_without_them() {
        assertThat(rule.check(facts(adultWoman(35, 200), exchange(100), conditions(List.of("lupus nephritis")), 5)))
                .as("a plasma exchange for lupus").isEmpty();
        assertThat(rule.check(ecp(List.of("chronic GVHD after allogeneic HSCT", "hypertension"), "penicillin")))
                .isEmpty();
        // a lupus anticoagulant is an antibody, not lupus erythematosus; words are matched whole
        assertThat(rule.check(ecp(List.of("Lupus anticoagulant positive")))).isEmpty();
        assertThat(RecordWords.names("measles", "sle")).isFalse();
        assertThat(RecordWords.names("SLE (2009)", "sle")).isTrue();
    }

    @Test
    void runs_among_the_candidacy_rules_of_an_order() {
        assertThat(CandidacyRules.check(ecp(List.of("aphakia")))).extracting(Warning::code)
                .contains(WarningCode.METHOXSALEN_CONTRAINDICATED);
    }
}
