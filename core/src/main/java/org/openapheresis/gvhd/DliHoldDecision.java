package org.openapheresis.gvhd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the next donor lymphocyte infusion is held, and why.
 *
 * @param hold true when acute GVHD of grade II or more was recorded since the last dose
 * @param warning the sentence shown to staff when held, naming the grade and the dates; empty otherwise
 * @param qualifying the assessments since the last dose that reached grade II or more, earliest first
 */
public record DliHoldDecision(boolean hold, Optional<String> warning, List<GvhdAssessment> qualifying) {

    public DliHoldDecision {
        Objects.requireNonNull(warning, "warning");
        qualifying = List.copyOf(qualifying);
        if (hold != warning.isPresent() || hold == qualifying.isEmpty()) {
            throw new IllegalArgumentException("a hold has a warning and qualifying assessments; no hold has neither");
        }
    }
}
