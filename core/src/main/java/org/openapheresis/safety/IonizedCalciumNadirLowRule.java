package org.openapheresis.safety;

import java.util.Optional;

/**
 * IONIZED_CALCIUM_NADIR_LOW: the predicted lowest ionised calcium of the run is in the range a critical-care
 * cohort calls severe hypocalcaemia (below 0.9 mmol/L; Steele T et al., Crit Care 2013;17:R106), or at or below
 * the mean critical ("panic") limit of US medical centres' laboratories (0.82 ± 0.14 mmol/L; Kost GJ 1993, a
 * survey of 100 medical centres and 40 children's hospitals), where the warning is a danger. The normal range
 * (1.1-1.3 mmol/L in Steele; laboratories differ) is not warned of: a fall below it is expected in almost every
 * citrate procedure and the plan shows the nadir.
 */
public final class IonizedCalciumNadirLowRule implements OutcomeRule {

    /** The publications behind the thresholds. */
    public static final String SOURCE = "severe hypocalcaemia below 0.9 mmol/L: Steele T et al., Crit Care "
            + "2013;17(3):R106 (abstract); critical limit 0.82 ± 0.14 mmol/L, the mean of US medical centres' "
            + "laboratories: Kost GJ 1993, pp. 890-896 (abstract; journal as cited in docs/sources.md)";
    /** Below this the warning is raised, mmol/L. */
    public static final double SEVERE_MMOL_PER_L = 0.9;
    /** At or below this the warning is a danger, mmol/L. */
    public static final double CRITICAL_MMOL_PER_L = 0.82;

    @Override
    public WarningCode code() {
        return WarningCode.IONIZED_CALCIUM_NADIR_LOW;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(PlanOutcome o) {
        if (o.ionizedCalciumNadirMmolPerL().isEmpty()) {
            return Optional.empty();
        }
        double nadir = o.ionizedCalciumNadirMmolPerL().getAsDouble();
        if (nadir >= SEVERE_MMOL_PER_L) {
            return Optional.empty();
        }
        String value = String.format(java.util.Locale.ROOT, "%.2f", nadir);
        if (nadir <= CRITICAL_MMOL_PER_L) {
            return Optional.of(warning(Severity.DANGER, "Ionised calcium is predicted to fall to " + value
                    + " mmol/L, at or below the usual laboratory critical limit (0.82 mmol/L). Give calcium during the "
                    + "run (the plan's prophylaxis), consider a lower AC infusion rate or a shorter run, measure "
                    + "ionised calcium during the procedure and monitor for tetany and arrhythmia."));
        }
        return Optional.of(warning(Severity.WARNING, "Ionised calcium is predicted to fall to " + value
                + " mmol/L, below 0.9 mmol/L (severe hypocalcaemia). Plan calcium during the run and measure ionised "
                + "calcium during the procedure."));
    }
}
