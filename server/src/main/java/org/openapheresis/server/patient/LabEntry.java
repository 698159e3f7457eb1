package org.openapheresis.server.patient;

import java.time.Instant;

/**
 * One lab value as recorded.
 *
 * @param id id
 * @param patientId the patient
 * @param sessionId the session it was taken at, or null for a value recorded with the record
 * @param takenAt when the sample was taken
 * @param phase baseline, pre, during or post
 * @param field contract field name, e.g. {@code plateletsE9PerL}
 * @param value the value in the field's unit
 * @param unit the unit
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 */
public record LabEntry(String id, String patientId, String sessionId, Instant takenAt, LabPhase phase, String field,
        double value, String unit, Instant recordedAt, String recordedBy) {
}
