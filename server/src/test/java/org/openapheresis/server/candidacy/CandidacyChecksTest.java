package org.openapheresis.server.candidacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.order.PlanFromRecord;
import org.openapheresis.server.patient.PatientRecord;

/** One test per candidacy check, and a check that every registered check has its test here. */
class CandidacyChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /** A 34-year-old woman, 168 cm, 64 kg, Hct 40 %, platelets 240. */
    static PatientRecord adultWoman(boolean ace, boolean plasmaAllergy, double hct, double platelets) {
        Map<String, Double> labs = new LinkedHashMap<>();
        labs.put("hematocritPercent", hct);
        labs.put("plateletsE9PerL", platelets);
        labs.put("fibrinogenGPerL", 3.0);
        return new PatientRecord("p1", 1, "patient", "MRN-1", "Sofia", "Berg", LocalDate.of(1991, 3, 1), "female",
                168.0, 64.0, Map.of(), List.of(), List.of(), ace, plasmaAllergy, labs, Instant.EPOCH, "t",
                Instant.EPOCH, "t");
    }

    /** A 2-year-old boy, 86 cm, 11 kg. */
    static PatientRecord child() {
        return new PatientRecord("p2", 1, "patient", "MRN-2", "Leo", "Berg", LocalDate.of(2024, 1, 1), "male",
                86.0, 11.0, Map.of(), List.of(), List.of(), false, false, Map.of("hematocritPercent", 36.0,
                        "plateletsE9PerL", 250.0), Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static Map<String, Object> exchange(double albuminPercent) {
        return Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0, "replacement",
                Map.of("albuminPercent", albuminPercent, "plasmaPercent", 100 - albuminPercent));
    }

    static CandidacyFacts facts(PatientRecord p, Map<String, Object> procedure) {
        PlanFromRecord.Planned planned = PlanFromRecord.plan(p, procedure, null, null, TODAY);
        return new CandidacyFacts(p, planned.request().procedure(), planned.plan(), TODAY);
    }

    @Test
    void ace_inhibitor_before_an_albumin_exchange_warns_with_the_published_hold_time_and_its_source() {
        CandidacyCheck c = new AceInhibitorCheck();
        assertThat(c.check(facts(adultWoman(true, false, 40, 240), exchange(100)))).get()
                .satisfies(w -> assertThat(w.source()).startsWith("Owen HG, Brecher ME").contains("1994;34:891"))
                .satisfies(w -> assertThat(w.message()).contains("at least 24 h"));
        assertThat(c.check(facts(adultWoman(false, false, 40, 240), exchange(100)))).isEmpty();
        assertThat(c.check(facts(adultWoman(true, false, 40, 240), exchange(0)))).isEmpty();
    }

    @Test
    void plasma_allergy_warns_only_when_the_replacement_contains_plasma() {
        CandidacyCheck c = new PlasmaAllergyCheck();
        assertThat(c.check(facts(adultWoman(false, true, 40, 240), exchange(0)))).isPresent();
        assertThat(c.check(facts(adultWoman(false, true, 40, 240), exchange(100)))).isEmpty();
        assertThat(c.check(facts(adultWoman(false, false, 40, 240), exchange(0)))).isEmpty();
    }

    @Test
    void platelets_below_50_before_the_procedure_warn() {
        CandidacyCheck c = new LowPlateletsCheck();
        assertThat(c.check(facts(adultWoman(false, false, 40, 49), exchange(100)))).get()
                .satisfies(w -> assertThat(w.message()).contains("49"));
        assertThat(c.check(facts(adultWoman(false, false, 40, 50), exchange(100)))).isEmpty();
    }

    @Test
    void haematocrit_below_25_percent_before_a_plasma_exchange_warns() {
        CandidacyCheck c = new LowHematocritCheck();
        assertThat(c.check(facts(adultWoman(false, false, 24, 240), exchange(100)))).isPresent();
        assertThat(c.check(facts(adultWoman(false, false, 25, 240), exchange(100)))).isEmpty();
    }

    @Test
    void a_circuit_above_15_percent_of_a_childs_blood_volume_warns() {
        CandidacyCheck c = new ChildCircuitVolumeCheck();
        assertThat(c.check(facts(child(), exchange(100)))).get()
                .satisfies(w -> assertThat(w.code()).isEqualTo(ChildCircuitVolumeCheck.CODE));
        assertThat(c.check(facts(adultWoman(false, false, 40, 240), exchange(100)))).isEmpty();
    }

    @Test
    void every_registered_check_has_a_test_in_this_class() {
        List<String> tested = List.of(AceInhibitorCheck.class.getSimpleName(), PlasmaAllergyCheck.class.getSimpleName(),
                LowPlateletsCheck.class.getSimpleName(), LowHematocritCheck.class.getSimpleName(),
                ChildCircuitVolumeCheck.class.getSimpleName());
        assertThat(CandidacyChecks.all()).extracting(c -> c.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(tested);
        assertThat(CandidacyChecks.all()).extracting(CandidacyCheck::code).doesNotHaveDuplicates();
    }

    @Test
    void the_plans_own_warnings_come_with_the_checks() {
        CandidacyFacts f = facts(adultWoman(true, false, 40, 240), exchange(100));
        List<CheckWarning> all = CandidacyChecks.run(f);
        assertThat(all).extracting(CheckWarning::code).contains(AceInhibitorCheck.CODE);
        assertThat(all).extracting(CheckWarning::code).containsAll(f.plan().warnings().stream()
                .map(w -> w.code().name()).toList());
    }
}
