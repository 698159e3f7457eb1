package org.openapheresis.server.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * One procedure on one day.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param orderId the signed order
 * @param patientId the patient or donor
 * @param patientName family name, given name (for the schedule)
 * @param procedureType the ordered procedure's type
 * @param plannedStart planned start
 * @param machine separator, e.g. {@code Optia-2}, when booked on one
 * @param chair chair or bed, e.g. {@code Chair 3}, when given
 * @param nurse nurse in charge, when given
 * @param status scheduled, in progress, completed, aborted or cancelled
 * @param abortReason why it was aborted
 * @param cancelReason why it was cancelled before it started
 * @param createdAt scheduled at
 * @param createdBy scheduled by
 * @param startedAt started
 * @param startedBy started by
 * @param endedAt completed, aborted or cancelled
 * @param endedBy completed, aborted or cancelled by
 * @param bookingAcknowledgement the warnings of the unit's rules it was booked with anyway (on call), who and when;
 *     empty for a session booked inside them
 */
public record SessionRecord(String id, int version, String orderId, String patientId, String patientName,
        ProcedureType procedureType, Instant plannedStart, Optional<String> machine, Optional<String> chair,
        Optional<String> nurse, SessionStatus status, Optional<String> abortReason,
        Optional<String> cancelReason, Instant createdAt,
        String createdBy, Optional<Instant> startedAt, Optional<String> startedBy, Optional<Instant> endedAt,
        Optional<String> endedBy, Optional<BookingAcknowledgement> bookingAcknowledgement) {

    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(procedureType, "procedureType");
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bookingAcknowledgement, "bookingAcknowledgement");
    }
}
