package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the patient's share over random courses and plans (jqwik, shrinking to the smallest failure). */
class PatientSharePropertiesTest {

    @Provide
    Arbitrary<List<BigDecimal>> courses() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(2).list()
                .ofMinSize(0).ofMaxSize(30);
    }

    @Provide
    Arbitrary<Optional<CostSharing>> plans() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("15000"))
                .ofScale(2);
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                .ofScale(2);
        Arbitrary<BigDecimal> copay = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO), money);
        Arbitrary<CostSharing> p = Combinators.combine(money, percent, copay, money).as(CostSharing::new);
        return Arbitraries.oneOf(p.map(Optional::of), Arbitraries.just(Optional.empty()));
    }

    @Property(tries = 2000, seed = "20260315")
    void the_share_is_never_negative_never_above_the_charges_nor_the_out_of_pocket_left(
            @ForAll("courses") List<BigDecimal> course, @ForAll("plans") Optional<CostSharing> plan) {
        PatientShare.Breakdown b = PatientShare.of(course, plan);
        assertThat(b.patientShare()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(b.patientShare()).isLessThanOrEqualTo(b.totalCharges());
        plan.ifPresent(p -> assertThat(b.patientShare()).isLessThanOrEqualTo(p.outOfPocketRemaining()));
        assertThat(b.deductiblePart().add(b.coinsurancePart()).add(b.copayPart()).add(b.uncoveredPart()))
                .isEqualByComparingTo(b.patientShare());
    }

    @Property(tries = 2000, seed = "20260316")
    void adding_a_session_never_lowers_the_share(@ForAll("courses") List<BigDecimal> course,
            @ForAll("plans") Optional<CostSharing> plan) {
        List<BigDecimal> longer = new ArrayList<>(course);
        longer.add(course.isEmpty() ? new BigDecimal("1000.00") : course.get(course.size() - 1));
        assertThat(PatientShare.of(longer, plan).patientShare())
                .isGreaterThanOrEqualTo(PatientShare.of(course, plan).patientShare());
    }
}
