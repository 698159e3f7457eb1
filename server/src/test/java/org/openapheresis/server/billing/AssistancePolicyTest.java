package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unit's assistance policy from worked households, the arithmetic in each name. */
class AssistancePolicyTest {

    private static final AssistancePolicy SHIPPED = AssistancePolicy.load();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void the_shipped_policy_is_the_2025_guideline_15650_plus_5500_per_person_with_three_example_tiers() {
        assertThat(SHIPPED.year()).isEqualTo(2025);
        assertThat(SHIPPED.currency()).isEqualTo("USD");
        assertThat(SHIPPED.guideline(1)).isEqualByComparingTo("15650");
        // the two-person figure is the one checked against a published summary
        assertThat(SHIPPED.guideline(2)).isEqualByComparingTo("21150");
        assertThat(SHIPPED.guideline(4)).isEqualByComparingTo("32150");
        assertThat(SHIPPED.tiers()).extracting(t -> t.upToPercentOfGuideline().intValue() + "->"
                + t.discountPercent().intValue()).containsExactly("200->100", "300->75", "400->50");
        assertThat(SHIPPED.source()).contains("EXAMPLE").contains("UNVERIFIED");
    }

    @Test
    void a_household_of_3_earning_60000_is_225_1_pct_of_26650_and_gets_the_75_pct_tier() {
        AssistancePolicy.Result r = SHIPPED.qualify(3, d("60000"));
        assertThat(r.guideline()).isEqualByComparingTo("26650");
        assertThat(r.percentOfGuideline()).isEqualByComparingTo("225.1");
        assertThat(r.discountPercent()).isEqualByComparingTo("75");
        assertThat(r.after(d("16225.00"))).isEqualByComparingTo("4056.25");
    }

    @Test
    void exactly_400_pct_is_in_the_last_tier_and_one_dollar_more_is_in_none_though_both_show_400_0() {
        AssistancePolicy.Result at = SHIPPED.qualify(3, d("106600"));
        assertThat(at.percentOfGuideline()).isEqualByComparingTo("400.0");
        assertThat(at.discountPercent()).isEqualByComparingTo("50");
        AssistancePolicy.Result above = SHIPPED.qualify(3, d("106601"));
        assertThat(above.percentOfGuideline()).isEqualByComparingTo("400.0");
        assertThat(above.discountPercent()).isEqualByComparingTo("0");
        assertThat(above.tier()).isEmpty();
        assertThat(above.after(d("1000.00"))).isEqualByComparingTo("1000.00");
    }

    @Test
    void no_income_is_0_pct_and_the_whole_share_is_waived() {
        AssistancePolicy.Result r = SHIPPED.qualify(1, BigDecimal.ZERO);
        assertThat(r.percentOfGuideline()).isEqualByComparingTo("0");
        assertThat(r.after(d("12345.67"))).isEqualByComparingTo("0.00");
    }

    @Test
    void impossible_households_incomes_and_policies_are_refused() {
        assertThatThrownBy(() -> SHIPPED.qualify(0, d("1000"))).hasMessageContaining("household of 0");
        assertThatThrownBy(() -> SHIPPED.qualify(21, d("1000"))).hasMessageContaining("household of 21");
        assertThatThrownBy(() -> SHIPPED.qualify(2, d("-1"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new AssistancePolicy(2025, d("15650"), d("5500"), "USD", List.of(
                new AssistancePolicy.Tier(d("300"), d("75")), new AssistancePolicy.Tier(d("200"), d("100"))), "x"))
                .hasMessageContaining("not above the tier before it");
        assertThatThrownBy(() -> new AssistancePolicy.Tier(d("200"), d("101"))).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new AssistancePolicy(2025, BigDecimal.ZERO, d("5500"), "USD", List.of(), "x"))
                .hasMessageContaining("must be above 0");
    }
}
