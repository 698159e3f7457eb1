package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The patient's share from worked examples, the arithmetic in each name. */
class PatientShareTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static List<BigDecimal> visits(int n, String each) {
        return Collections.nCopies(n, d(each));
    }

    private static Optional<CostSharing> plan(String deductibleLeft, String coinsurancePercent, String copay,
            String oopLeft) {
        return Optional.of(new CostSharing(d(deductibleLeft), d(coinsurancePercent), d(copay), d(oopLeft)));
    }

    @Test
    void five_exchanges_at_1000_with_1000_deductible_left_20pct_coinsurance_3000_oop_max_pays_1000_plus_20pct_of_4000_is_1800() {
        PatientShare.Breakdown b = PatientShare.of(visits(5, "1000"), plan("1000", "20", "0", "3000"));
        assertThat(b.totalCharges()).isEqualByComparingTo("5000");
        assertThat(b.deductiblePart()).isEqualByComparingTo("1000");
        assertThat(b.coinsurancePart()).isEqualByComparingTo("800");
        assertThat(b.patientShare()).isEqualByComparingTo("1800");
        assertThat(b.cappedByOutOfPocketMax()).isFalse();
    }

    @Test
    void five_exchanges_at_2000_with_1000_deductible_20pct_would_be_2800_but_1500_oop_left_caps_it_at_1500() {
        PatientShare.Breakdown b = PatientShare.of(visits(5, "2000"), plan("1000", "20", "0", "1500"));
        assertThat(b.totalCharges()).isEqualByComparingTo("10000");
        assertThat(b.patientShare()).isEqualByComparingTo("1500");
        assertThat(b.cappedByOutOfPocketMax()).isTrue();
    }

    @Test
    void three_visits_at_1000_with_500_deductible_left_and_50_copay_pays_500_plus_3_copays_is_650() {
        PatientShare.Breakdown b = PatientShare.of(visits(3, "1000"), plan("500", "20", "50", "9000"));
        assertThat(b.deductiblePart()).isEqualByComparingTo("500");
        assertThat(b.copayPart()).isEqualByComparingTo("150");
        assertThat(b.coinsurancePart()).isEqualByComparingTo("0");
        assertThat(b.patientShare()).isEqualByComparingTo("650");
    }

    @Test
    void four_visits_at_800_with_the_deductible_met_and_30pct_coinsurance_pays_30pct_of_3200_is_960() {
        assertThat(PatientShare.of(visits(4, "800"), plan("0", "30", "0", "5000")).patientShare())
                .isEqualByComparingTo("960");
    }

    @Test
    void a_deductible_larger_than_the_course_takes_all_of_it_2_visits_at_700_with_2000_left_pays_1400() {
        PatientShare.Breakdown b = PatientShare.of(visits(2, "700"), plan("2000", "20", "0", "8000"));
        assertThat(b.patientShare()).isEqualByComparingTo("1400");
        assertThat(b.coinsurancePart()).isEqualByComparingTo("0");
    }

    @Test
    void a_patient_without_coverage_pays_every_charge_5_at_1000_is_5000() {
        PatientShare.Breakdown b = PatientShare.of(visits(5, "1000"), Optional.empty());
        assertThat(b.patientShare()).isEqualByComparingTo("5000");
    }

    @Test
    void one_visit_at_333_33_with_15pct_coinsurance_rounds_49_9995_half_up_to_50_00() {
        assertThat(PatientShare.of(visits(1, "333.33"), plan("0", "15", "0", "1000")).patientShare())
                .isEqualTo(d("50.00"));
    }

    @Test
    void an_out_of_pocket_maximum_already_met_leaves_nothing_to_pay() {
        assertThat(PatientShare.of(visits(5, "1000"), Optional.of(CostSharing.of(d("1000"), d("1000"), d("20"),
                d("0"), d("3000"), d("3000")))).patientShare()).isEqualByComparingTo("0");
    }

    @Test
    void a_coinsurance_above_100_percent_or_a_negative_amount_is_refused() {
        assertThatThrownBy(() -> plan("0", "100.01", "0", "0")).hasMessageContaining("coinsurancePercent");
        assertThatThrownBy(() -> plan("-1", "20", "0", "0")).hasMessageContaining("deductibleRemaining");
        assertThatThrownBy(() -> PatientShare.of(List.of(d("-5")), Optional.empty())).hasMessageContaining("negative");
    }
}
