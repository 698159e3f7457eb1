package org.openapheresis.server.session;

import java.time.Instant;

/**
 * One procedure on one day.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param orderId the signed order
 * @param patientId the patient or donor
 * @param patientName family name, given name (for the schedule)
 * @param procedureType contract procedure type
 * @param plannedStart planned start (UTC)
 * @param machine separator, e.g. {@code Optia-2}, or null
 * @param chair chair or bed, e.g. {@code Chair 3}, or null
 * @param nurse nurse in charge
 * @param status {@code scheduled}, {@code in-progress}, {@code completed} or {@code aborted}
 * @param abortReason why it was aborted, or null
 * @param createdAt scheduled at
 * @param createdBy scheduled by
 * @param startedAt started, or null
 * @param startedBy started by, or null
 * @param endedAt completed or aborted, or null
 * @param endedBy completed or aborted by, or null
 */
public record SessionRecord(String id, int version, String orderId, String patientId, String patientName,
        String procedureType, Instant plannedStart, String machine, String chair, String nurse, String status, String abortReason,
        Instant createdAt, String createdBy, Instant startedAt, String startedBy, Instant endedAt, String endedBy) {

    public static final String SCHEDULED = "scheduled";
    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String ABORTED = "aborted";
}
