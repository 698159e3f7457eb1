package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * IVIG_BEFORE_PLASMA_EXCHANGE (course rule): immunoglobulin given by IVIG is removed by a later plasma
 * exchange in the same course. Exchange removes intravascular IgG as it removes autoantibody, so an exchange
 * after IVIG wastes the infusion; give IVIG after the last exchange.
 */
public final class IvigBeforePlasmaExchangeRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "plasma exchange removes intravascular IgG, infused immunoglobulin included: give IVIG after the "
            + "last exchange (ASFA 2023 fact sheets, e.g. Guillain-Barre syndrome)";

    /** One step of a course as the rule sees it. */
    public record Step(int index, boolean ivig, boolean plasmaExchange, double atHour) {
    }

    public WarningCode code() {
        return WarningCode.IVIG_BEFORE_PLASMA_EXCHANGE;
    }

    /** @return one warning per exchange that follows an IVIG step */
    public List<Warning> check(List<Step> steps) {
        List<Warning> out = new ArrayList<>();
        double firstIvigHour = Double.POSITIVE_INFINITY;
        int firstIvigIndex = -1;
        for (Step s : steps) {
            if (s.ivig() && s.atHour() < firstIvigHour) {
                firstIvigHour = s.atHour();
                firstIvigIndex = s.index();
            }
        }
        for (Step s : steps) {
            if (s.plasmaExchange() && s.atHour() > firstIvigHour) {
                out.add(new Warning(code(), Severity.WARNING, "Step " + (s.index() + 1) + " (plasma exchange at hour "
                        + SafetyRules.num(s.atHour()) + ") comes after IVIG in step " + (firstIvigIndex + 1)
                        + ": the exchange will remove much of the infused immunoglobulin. Give IVIG after the last"
                        + " exchange.", SOURCE));
            }
        }
        return out;
    }
}
