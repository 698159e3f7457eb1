package org.openapheresis.safety;

import java.util.Optional;

/**
 * LARGE_VOLUME_LEUKAPHERESIS: a cell procedure processing more than three total blood volumes, which is
 * large-volume leukapheresis (Sumii Y et al., Transfusion 2023, doi 10.1111/trf.17563: more platelet loss, 38.0%
 * against 29.4%); over such long runs citrate accumulation may outpace its metabolism and ionised calcium fall
 * markedly (letter, Blood 2002;99:1878).
 */
public final class LargeVolumeLeukapheresisRule implements OutcomeRule {

    /** The publications behind the rule. */
    public static final String SOURCE = "large-volume leukapheresis above 3 blood volumes and its platelet loss: "
            + "Sumii Y et al., Transfusion 2023, doi 10.1111/trf.17563 (abstract); citrate accumulation over long "
            + "runs: Blood 2002;99(5):1878 (letter)";
    /** Blood volumes processed above which a run is large-volume. */
    public static final double LARGE_VOLUME_BLOOD_VOLUMES = 3.0;

    @Override
    public WarningCode code() {
        return WarningCode.LARGE_VOLUME_LEUKAPHERESIS;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(PlanOutcome o) {
        if (!o.cellProcedure() || o.bloodVolumesProcessed().isEmpty()
                || o.bloodVolumesProcessed().getAsDouble() <= LARGE_VOLUME_BLOOD_VOLUMES) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.INFO, "Large-volume leukapheresis: "
                + String.format(java.util.Locale.ROOT, "%.1f", o.bloodVolumesProcessed().getAsDouble())
                + " blood volumes over " + SafetyRules.num(o.durationMin()) + " min. Citrate accumulates over a long "
                + "run: plan calcium and ionised calcium checks; expect a larger platelet loss."));
    }
}
