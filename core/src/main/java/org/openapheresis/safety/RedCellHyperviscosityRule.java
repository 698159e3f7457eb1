package org.openapheresis.safety;

import java.util.Optional;

/**
 * RED_CELL_EXCHANGE_HYPERVISCOSITY: a red cell exchange planned to end above haematocrit 30%. In sickle cell
 * disease blood viscosity causes complications when the haemoglobin exceeds 10 g/dL, even after a simple
 * transfusion (Swerdlow PS, "Red cell exchange in sickle cell disease", American Society of Hematology Education
 * Program session on sickle cell anemia, read in a transcription). The threshold is written as haematocrit 30%
 * by the rule of thumb haematocrit = 3 x haemoglobin, which was not confirmed in a source (UNVERIFIED). A
 * post-procedure haematocrit of 34% is "higher than typically used" (Ross JM et al., Br J Haematol 2024, doi
 * 10.1111/bjh.19674), so a higher target is a choice to make knowingly, not an error.
 */
public final class RedCellHyperviscosityRule implements RedCellExchangeRule {

    /** The publications behind the rule. */
    public static final String SOURCE = "viscosity complications above haemoglobin 10 g/dL in sickle cell disease: "
            + "Swerdlow PS, Red cell exchange in sickle cell disease, ASH Education Program (transcription); "
            + "UNVERIFIED: haematocrit 30% from haemoglobin 10 g/dL by haematocrit = 3 x haemoglobin; a 34% target is "
            + "higher than typically used: Ross JM et al., Br J Haematol 2024, doi 10.1111/bjh.19674 (abstract)";
    /** End haematocrit above which the rule warns, percent (haemoglobin 10 g/dL x 3, UNVERIFIED conversion). */
    public static final double MAX_HEMATOCRIT_PERCENT = 30;

    @Override
    public WarningCode code() {
        return WarningCode.RED_CELL_EXCHANGE_HYPERVISCOSITY;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(RedCellExchangeFacts f) {
        if (f.postHematocritPercent() <= MAX_HEMATOCRIT_PERCENT) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "The exchange ends at haematocrit "
                + SafetyRules.num(f.postHematocritPercent()) + " %, above " + SafetyRules.num(MAX_HEMATOCRIT_PERCENT)
                + " % (haemoglobin about 10 g/dL): blood with sickle cells thickens above it. Confirm the target"
                + " haematocrit, or lower it."));
    }
}
