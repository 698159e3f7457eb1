package org.openapheresis.server.followup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.gvhd.ChronicGvhdSeverity;
import org.openapheresis.gvhd.ChronicOrganScores;

/**
 * One recorded chronic GVHD assessment: the NIH organ scores as entered, and the global severity with its rule as
 * computed when it was recorded (read back as stored, never recomputed, so a later change of the rules does not
 * rewrite it).
 *
 * @param id the record's id
 * @param patientId the patient assessed
 * @param assessedAt when the patient was assessed
 * @param scores the eight organ scores and the organs attributed wholly to another cause
 * @param severity the global severity computed at recording
 * @param severityRule the rule that gave it, with the organs that met it and the citation
 * @param gradingSystem the system that computed it, {@value ChronicGvhdService#GRADING_SYSTEM}
 * @param gradingVersion its version, {@value ChronicGvhdService#GRADING_VERSION}
 * @param gradingSource its citation
 * @param note the physician's note, if any
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 * @param corrects the assessment this one corrects, if it is a correction
 * @param correctionReason why, present with {@code corrects}
 */
public record ChronicGvhdAssessment(String id, String patientId, Instant assessedAt, ChronicOrganScores scores,
        ChronicGvhdSeverity severity, String severityRule, String gradingSystem, String gradingVersion,
        String gradingSource, Optional<String> note, Instant recordedAt, String recordedBy, Optional<String> corrects,
        Optional<String> correctionReason) {

    public ChronicGvhdAssessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(severityRule, "severityRule");
        Objects.requireNonNull(note, "note");
        if (corrects.isPresent() != correctionReason.isPresent()) {
            throw new IllegalArgumentException("a correction names the assessment it corrects and why");
        }
    }
}
