package org.openapheresis.safety;

import java.util.Optional;

/**
 * RED_CELL_EXCHANGE_IRON_LOADING: an exchange that ends more than 2 haematocrit points above where it started
 * gives the patient more red cells than it takes, so it is not iron-neutral. Of 101 patients on chronic automated
 * exchange to a post-procedure haematocrit of 34%, those with a positive haematocrit balance (a mean rise above
 * 2% from the pre-procedure level) were often iron overloaded on liver MRI (32%) and needed chelation (52% against
 * 0% with a neutral balance) (Ross JM et al., Br J Haematol 2024, doi 10.1111/bjh.19674, abstract).
 */
public final class RedCellIronLoadingRule implements RedCellExchangeRule {

    /** The publication behind the rule. */
    public static final String SOURCE = "positive haematocrit balance (> 2% rise) and iron overload on chronic "
            + "automated red cell exchange: Ross JM et al., Br J Haematol 2024, doi 10.1111/bjh.19674 (abstract)";
    /** Rise of haematocrit over the procedure above which the balance is positive, percentage points. */
    public static final double MAX_NEUTRAL_RISE_PERCENT = 2;

    @Override
    public WarningCode code() {
        return WarningCode.RED_CELL_EXCHANGE_IRON_LOADING;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(RedCellExchangeFacts f) {
        double rise = f.postHematocritPercent() - f.preHematocritPercent();
        if (rise <= MAX_NEUTRAL_RISE_PERCENT) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.INFO, "Haematocrit rises by " + SafetyRules.num(rise) + " points ("
                + SafetyRules.num(f.preHematocritPercent()) + " to " + SafetyRules.num(f.postHematocritPercent())
                + " %): the patient gains " + SafetyRules.num(Math.round(f.netRedCellsGainedMl())) + " mL of red cells,"
                + " so the exchange is not iron-neutral. On a chronic programme, follow ferritin or liver iron."));
    }
}
