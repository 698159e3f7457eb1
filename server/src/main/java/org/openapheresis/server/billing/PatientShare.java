package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient's share of a course's charges, visit by visit in order: the deductible is paid first, then the
 * coinsurance (or the copay per visit), and the total is capped by what is left of the out-of-pocket maximum.
 * Plain arithmetic on decimals (amounts to the cent, coinsurance rounded half up per visit); no I/O. The order of
 * the terms is how US plans share costs (the deductible first, then coinsurance or copay, until the out-of-pocket
 * maximum for the plan year is met; docs/sources.md, "Billing").
 */
public final class PatientShare {

    private PatientShare() {
    }

    /**
     * How a share was reached.
     *
     * @param totalCharges the sum of the visits' charges
     * @param patientShare what the patient pays
     * @param deductiblePart of which towards the deductible
     * @param coinsurancePart of which coinsurance
     * @param copayPart of which copays
     * @param uncoveredPart of which charges no coverage shares (a patient without coverage pays them all)
     * @param cappedByOutOfPocketMax true when the out-of-pocket maximum stopped the share
     */
    public record Breakdown(BigDecimal totalCharges, BigDecimal patientShare, BigDecimal deductiblePart,
            BigDecimal coinsurancePart, BigDecimal copayPart, BigDecimal uncoveredPart,
            boolean cappedByOutOfPocketMax) {

        /** This share and another's (the next plan year's), part by part; capped when either was. */
        public Breakdown plus(Breakdown o) {
            return new Breakdown(totalCharges.add(o.totalCharges), patientShare.add(o.patientShare),
                    deductiblePart.add(o.deductiblePart), coinsurancePart.add(o.coinsurancePart),
                    copayPart.add(o.copayPart), uncoveredPart.add(o.uncoveredPart),
                    cappedByOutOfPocketMax || o.cappedByOutOfPocketMax);
        }
    }

    /**
     * The share of visits charged {@code visitCharges} (each ≥ 0), in their order.
     *
     * @param plan the coverage's terms; empty for a patient without coverage, who pays every charge
     */
    public static Breakdown of(List<BigDecimal> visitCharges, Optional<CostSharing> plan) {
        Objects.requireNonNull(plan, "plan");
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal c : visitCharges) {
            if (c.signum() < 0) {
                throw new IllegalArgumentException("a visit's charge " + c + " is negative");
            }
            total = total.add(c);
        }
        total = cents(total);
        if (plan.isEmpty()) {
            return new Breakdown(total, total, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, total, false);
        }
        CostSharing p = plan.get();
        BigDecimal deductibleLeft = p.deductibleRemaining();
        BigDecimal oopLeft = p.outOfPocketRemaining();
        BigDecimal deductible = BigDecimal.ZERO;
        BigDecimal coinsurance = BigDecimal.ZERO;
        BigDecimal copay = BigDecimal.ZERO;
        boolean capped = false;
        boolean useCopay = p.copayPerVisit().signum() > 0;
        for (BigDecimal c : visitCharges) {
            BigDecimal d = c.min(deductibleLeft);
            deductibleLeft = deductibleLeft.subtract(d);
            BigDecimal rest = c.subtract(d);
            BigDecimal after = useCopay ? p.copayPerVisit().min(rest)
                    : cents(rest.multiply(p.coinsurancePercent()).divide(CostSharing.HUNDRED));
            BigDecimal wanted = d.add(after);
            BigDecimal paid = wanted.min(oopLeft);
            if (paid.compareTo(wanted) < 0) {
                capped = true;
            }
            oopLeft = oopLeft.subtract(paid);
            // what the cap took off comes off the part after the deductible first, then the deductible
            BigDecimal afterPaid = paid.subtract(d).max(BigDecimal.ZERO);
            deductible = deductible.add(paid.min(d));
            if (useCopay) {
                copay = copay.add(afterPaid);
            } else {
                coinsurance = coinsurance.add(afterPaid);
            }
        }
        BigDecimal share = cents(deductible.add(coinsurance).add(copay));
        return new Breakdown(total, share, cents(deductible), cents(coinsurance), cents(copay), BigDecimal.ZERO, capped);
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
