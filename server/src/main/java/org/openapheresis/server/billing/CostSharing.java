package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan leaves the patient to pay, from now to the end of the plan year, in the plan's currency.
 *
 * @param deductibleRemaining what is left of the deductible (the deductible less what was met)
 * @param coinsurancePercent the patient's percentage of each charge after the deductible, 0..100
 * @param copayPerVisit a fixed amount per visit after the deductible; when above zero it takes the place of the
 *     coinsurance (the unit's reading of a plan that states both: the copay is what the patient is told)
 * @param outOfPocketRemaining what is left of the out-of-pocket maximum (the maximum less what was met); the
 *     deductible, coinsurance and copay all count towards it
 */
public record CostSharing(BigDecimal deductibleRemaining, BigDecimal coinsurancePercent, BigDecimal copayPerVisit,
        BigDecimal outOfPocketRemaining) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CostSharing {
        notNegative("deductibleRemaining", deductibleRemaining);
        notNegative("coinsurancePercent", coinsurancePercent);
        notNegative("copayPerVisit", copayPerVisit);
        notNegative("outOfPocketRemaining", outOfPocketRemaining);
        if (coinsurancePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("coinsurancePercent " + coinsurancePercent + " % is above 100 %");
        }
    }

    private static void notNegative(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " " + v + " is negative");
        }
    }

    /** The plan's terms as met so far: what remains is never below zero. */
    public static CostSharing of(BigDecimal deductible, BigDecimal deductibleMet, BigDecimal coinsurancePercent,
            BigDecimal copayPerVisit, BigDecimal outOfPocketMax, BigDecimal outOfPocketMet) {
        return new CostSharing(deductible.subtract(deductibleMet).max(BigDecimal.ZERO), coinsurancePercent,
                copayPerVisit, outOfPocketMax.subtract(outOfPocketMet).max(BigDecimal.ZERO));
    }
}
