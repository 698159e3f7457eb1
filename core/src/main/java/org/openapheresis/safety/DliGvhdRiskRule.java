package org.openapheresis.safety;

import java.util.Locale;
import java.util.Optional;

/**
 * DLI_GVHD_RISK: the published rate of graft-versus-host disease for the planned initial CD3+ dose of a donor
 * lymphocyte infusion (Bar et al., Biol Blood Marrow Transplant 2013;19:949; n = 225): GVHD at 12 months 21%
 * after an initial dose of 1 x 10^7/kg or less, 45% above 1 x 10^7 and below 1 x 10^8/kg, and 55% at
 * 1 x 10^8/kg or more. The authors recommend an initial dose below 1 x 10^8/kg, so that band is a warning; the
 * others are information.
 */
public final class DliGvhdRiskRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "Bar M et al., Biol Blood Marrow Transplant 2013;19:949 (n = 225): GVHD at 12 months by initial "
            + "CD3+ dose";

    /** Upper bound of the lowest dose group, CD3+/kg (Bar 2013). */
    public static final double BAR_2013_LOW_DOSE_MAX_PER_KG = 1e7;
    /** Lower bound of the highest dose group, CD3+/kg (Bar 2013). */
    public static final double BAR_2013_HIGH_DOSE_MIN_PER_KG = 1e8;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.DLI_GVHD_RISK;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.initialCd3PerKgDose().isEmpty()) {
            return Optional.empty();
        }
        double dose = f.initialCd3PerKgDose().getAsDouble();
        String band;
        int percent;
        Severity severity = Severity.INFO;
        if (dose <= BAR_2013_LOW_DOSE_MAX_PER_KG) {
            band = "1e7/kg or less";
            percent = 21;
        } else if (dose < BAR_2013_HIGH_DOSE_MIN_PER_KG) {
            band = "above 1e7 and below 1e8/kg";
            percent = 45;
        } else {
            band = "1e8/kg or more";
            percent = 55;
            severity = Severity.WARNING;
        }
        return Optional.of(warning(severity, "The first planned dose is "
                + String.format(Locale.ROOT, "%.2g", dose) + " CD3+/kg (" + band + "). After initial doses in this"
                + " band, " + percent + "% of patients had GVHD at 12 months (Bar, Biol Blood Marrow Transplant"
                + " 2013: 21% at 1e7/kg or less, 45% between, 55% at 1e8/kg or more); the authors recommend an"
                + " initial dose below 1e8/kg."));
    }
}
