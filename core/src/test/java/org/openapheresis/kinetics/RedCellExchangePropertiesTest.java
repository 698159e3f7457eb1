package org.openapheresis.kinetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the red cell exchange model over seeded random exchanges: the own share stays in 0..1 and falls
 * monotonically with the donor red cells given, red cell mass balances, and the inverse gives back the target.
 */
class RedCellExchangePropertiesTest {

    private static final long SEED = 20_260_318L;
    private static final int CASES = 2000;

    /** One random exchange: blood volume 1.5-7 L, haematocrits 18-40 %, a target share 0.05-0.9. */
    private record Case(double tbv, double rStart, double rEnd, double share) {
        static Case random(Random r) {
            double tbv = 1500 + 5500 * r.nextDouble();
            double h0 = 0.18 + 0.22 * r.nextDouble();
            double h1 = 0.18 + 0.22 * r.nextDouble();
            double minShare = 0.05;
            double maxShare = Math.min(0.9, h0 / h1 * 0.999);
            return new Case(tbv, tbv * h0, tbv * h1, minShare + (maxShare - minShare) * r.nextDouble());
        }
    }

    @Test
    void own_share_stays_in_0_to_1_and_falls_monotonically_with_donor_cells_given() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random);
            double donor = RedCellExchangeKinetics.donorRedCellsMl(c.rStart(), c.rEnd(), c.share());
            double previous = 1;
            for (int step = 0; step <= 50; step++) {
                double s = RedCellExchangeKinetics.at(c.rStart(), c.rEnd(), donor, donor * step / 50).ownShare();
                assertThat(s).as("case %d step %d", i, step).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous + 1e-12);
                previous = s;
            }
            assertThat(previous).as("case %d ends at the target share", i).isCloseTo(c.share(), within(1e-9));
        }
    }

    @Test
    void red_cell_mass_balances_start_plus_given_minus_removed_is_the_end() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random);
            double donor = RedCellExchangeKinetics.donorRedCellsMl(c.rStart(), c.rEnd(), c.share());
            double removed = RedCellExchangeKinetics.removedRedCellsMl(c.rStart(), c.rEnd(), donor);
            assertThat(removed).as("case %d removes red cells", i).isPositive();
            assertThat(c.rStart() + donor - removed).isCloseTo(c.rEnd(), within(1e-6));
            double end = RedCellExchangeKinetics.at(c.rStart(), c.rEnd(), donor, donor).redCellsMl();
            assertThat(end).isCloseTo(c.rEnd(), within(1e-6));
        }
    }

    @Test
    void more_donor_cells_always_reach_a_lower_share_and_the_inverse_round_trips() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            Case c = Case.random(random);
            double donor = RedCellExchangeKinetics.donorRedCellsMl(c.rStart(), c.rEnd(), c.share());
            assertThat(RedCellExchangeKinetics.ownShareAfter(c.rStart(), c.rEnd(), donor))
                    .isCloseTo(c.share(), within(1e-9));
            assertThat(RedCellExchangeKinetics.ownShareAfter(c.rStart(), c.rEnd(), donor * 1.1))
                    .isLessThan(c.share());
            double lower = RedCellExchangeKinetics.donorRedCellsMl(c.rStart(), c.rEnd(), c.share() * 0.9);
            assertThat(lower).as("a lower target needs more donor cells").isGreaterThan(donor);
        }
    }

    @Test
    void at_constant_haematocrit_the_share_is_exp_of_minus_exchanged_over_red_cell_volume() {
        double rcv = 1500;
        double donor = RedCellExchangeKinetics.donorRedCellsMl(rcv, rcv, 0.3);
        assertThat(donor).isCloseTo(rcv * Math.log(1 / 0.3), within(1e-9));
        assertThat(RedCellExchangeKinetics.at(rcv, rcv, donor, 500).ownShare()).isCloseTo(Math.exp(-500 / rcv),
                within(1e-12));
    }

    @Test
    void processed_volume_is_the_removed_red_cells_over_the_haematocrit() {
        assertThat(RedCellExchangeKinetics.minimumProcessedMl(5000, 1500, 1500, 1500)).isCloseTo(5000, within(1e-9));
        // depletion 1500 -> 1200 mL of red cells in 5000 mL: 5000 ln(1500/1200)
        assertThat(RedCellExchangeKinetics.minimumProcessedMl(5000, 1500, 1200, 300))
                .isCloseTo(5000 * Math.log(1.25), within(1e-9));
    }
}
