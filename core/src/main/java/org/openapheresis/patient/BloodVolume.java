package org.openapheresis.patient;

import java.util.Objects;

/**
 * A patient's total blood volume and its split into plasma and red cells.
 *
 * @param totalMl total blood volume, mL
 * @param method how {@code totalMl} was obtained
 * @param hematocritFraction the haematocrit used for the split, 0..1
 * @param assumption one sentence naming the method, its constants and source
 */
public record BloodVolume(double totalMl, BloodVolumeMethod method, double hematocritFraction, String assumption) {

    public BloodVolume {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(assumption, "assumption");
        if (!(totalMl > 0) || !Double.isFinite(totalMl)) {
            throw new IllegalArgumentException("blood volume must be positive, was " + totalMl);
        }
        if (!(hematocritFraction > 0 && hematocritFraction < 1)) {
            throw new IllegalArgumentException("haematocrit fraction must be in (0,1), was " + hematocritFraction);
        }
    }

    /** Plasma volume = TBV x (1 - Hct), mL (contract plan-v1 {@code plasmaVolumeMl}). */
    public double plasmaMl() {
        return totalMl * (1 - hematocritFraction);
    }
}
