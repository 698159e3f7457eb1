package org.openapheresis.safety;

import java.util.Optional;

/**
 * IGG_LOW_POST: the predicted IgG at the end of the exchange is below 4 g/L, the serum level the EMA's core
 * indication for human normal immunoglobulin names for secondary immunodeficiency (with severe or recurrent
 * infections; Flebogamma DIF SmPC section 4.1), or below 1.5 g/L (150 mg/dL), which the 2022 AAAAI work group
 * lists as a criterion for replacement in secondary hypogammaglobulinaemia (Otani IM et al., J Allergy Clin
 * Immunol 2022;149:1525-1560, read in a secondary table), where it is a warning. The value is the one straight
 * after processing; IgG rebounds partly from the extravascular pool before the next session, so the rule errs
 * towards warning. No threshold specific to plasma exchange was found (UNVERIFIED); the rule recommends no IVIG
 * dose.
 */
public final class IggLowPostRule implements OutcomeRule {

    /** The publications behind the thresholds. */
    public static final String SOURCE = "IgG < 4 g/L: EMA core SmPC indication of human normal immunoglobulin for "
            + "secondary immunodeficiency (Flebogamma DIF 50 mg/mL SmPC 4.1); IgG < 150 mg/dL: 2022 AAAAI work group "
            + "report on secondary hypogammaglobulinaemia (Otani IM et al., J Allergy Clin Immunol "
            + "2022;149:1525-1560; read in a secondary table); no plasma-exchange-specific threshold (UNVERIFIED)";
    /** Below this an information, g/L. */
    public static final double LOW_G_PER_L = 4.0;
    /** Below this a warning, g/L. */
    public static final double PROFOUND_G_PER_L = 1.5;

    @Override
    public WarningCode code() {
        return WarningCode.IGG_LOW_POST;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(PlanOutcome o) {
        if (o.iggPostGPerL().isEmpty() || o.iggPostGPerL().getAsDouble() >= LOW_G_PER_L) {
            return Optional.empty();
        }
        double igg = o.iggPostGPerL().getAsDouble();
        String value = String.format(java.util.Locale.ROOT, "%.2f", igg);
        if (igg < PROFOUND_G_PER_L) {
            return Optional.of(warning(Severity.WARNING, "IgG is predicted to fall to " + value + " g/L, below "
                    + "1.5 g/L (150 mg/dL): profound hypogammaglobulinaemia. Discuss infection prophylaxis and IVIG "
                    + "with the treating team; check IgG before the next session."));
        }
        return Optional.of(warning(Severity.INFO, "IgG is predicted to fall to " + value + " g/L, below 4 g/L. "
                + "Watch for infection and check IgG before the next session (it rebounds partly in between)."));
    }
}
