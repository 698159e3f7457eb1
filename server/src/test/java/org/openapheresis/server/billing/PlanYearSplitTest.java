package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A course that crosses the end of the coverage's plan year: the sessions after it are shared by the next year's
 * terms, the deductible and out-of-pocket maximum starting again. Worked examples, the arithmetic in each name.
 */
class PlanYearSplitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 28);
    private static final BigDecimal EACH = new BigDecimal("1000");

    /** 1,000 deductible (none met), 20 % coinsurance, 3,000 out-of-pocket maximum (none met), plan year to Dec 31. */
    private static PayerCoverage coverage(LocalDate start, LocalDate end, String deductibleMet, String oopMet) {
        return new PayerCoverage("c-" + start, "p1", "Example Health", Optional.of(PayerKind.COMMERCIAL), "Silver (example)",
                "M-1", Optional.empty(),
                start, end, new BigDecimal("1000"), new BigDecimal(deductibleMet), new BigDecimal("20"),
                BigDecimal.ZERO, new BigDecimal("3000"), new BigDecimal(oopMet), "USD", Optional.empty(),
                Instant.parse("2026-12-01T09:00:00Z"), "billing.novak");
    }

    private static final PayerCoverage THIS_YEAR = coverage(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            "0", "0");

    @Test
    void five_sessions_every_48_h_from_dec_28_fall_on_28_30_jan_1_3_5_so_three_are_in_the_next_plan_year() {
        assertThat(BillingService.sessionsAfter(TODAY, 5, 48, LocalDate.of(2026, 12, 31))).isEqualTo(3);
        assertThat(BillingService.sessionDay(TODAY, 2, 48)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(BillingService.sessionsAfter(TODAY, 2, 48, LocalDate.of(2026, 12, 31))).isZero();
    }

    @Test
    void two_sessions_this_year_pay_1000_plus_200_and_three_next_year_pay_the_renewed_1000_plus_2_x_200_so_2600() {
        Estimate.Scenario s = BillingService.scenario(5, EACH, TODAY, 48, Optional.of(THIS_YEAR), Optional.empty());
        assertThat(s.sessionsInNextPlanYear()).isEqualTo(3);
        assertThat(s.share().totalCharges()).isEqualByComparingTo("5000");
        assertThat(s.share().deductiblePart()).isEqualByComparingTo("2000");
        assertThat(s.share().coinsurancePart()).isEqualByComparingTo("600");
        assertThat(s.share().patientShare()).isEqualByComparingTo("2600");
        // counted in one plan year it would have been 1,000 + 20 % of 4,000 = 1,800
        assertThat(PatientShare.of(Collections.nCopies(5, EACH), Optional.of(THIS_YEAR.costSharing()))
                .patientShare()).isEqualByComparingTo("1800");
    }

    @Test
    void a_coverage_recorded_for_the_next_year_is_used_with_what_it_records_as_met() {
        PayerCoverage next = coverage(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "1000", "1000");
        Estimate.Scenario s = BillingService.scenario(5, EACH, TODAY, 48, Optional.of(THIS_YEAR), Optional.of(next));
        // this year 1,000 + 200; next year the deductible is met already: 3 x 200 = 600; 1,800 in all
        assertThat(s.share().patientShare()).isEqualByComparingTo("1800");
    }

    @Test
    void a_course_inside_the_plan_year_is_shared_as_one_and_a_patient_without_coverage_pays_every_charge() {
        Estimate.Scenario inside = BillingService.scenario(2, EACH, TODAY, 48, Optional.of(THIS_YEAR),
                Optional.empty());
        assertThat(inside.sessionsInNextPlanYear()).isZero();
        assertThat(inside.share().patientShare()).isEqualByComparingTo("1200");
        Estimate.Scenario none = BillingService.scenario(5, EACH, TODAY, 48, Optional.empty(), Optional.empty());
        assertThat(none.sessionsInNextPlanYear()).isZero();
        assertThat(none.share().patientShare()).isEqualByComparingTo("5000");
    }
}
