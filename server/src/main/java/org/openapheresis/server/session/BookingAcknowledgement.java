package org.openapheresis.server.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The warnings a session's booking was made with, acknowledged by the booker (on call: outside the opening hours, on
 * a closed day, after the lab's cut-off, before the labs are back). Kept with the session as it is booked now: a move
 * inside the rules clears it, a move outside them keeps the new one; the audit trail keeps every one.
 *
 * @param warnings what the unit's rules found, in words, as the booker read it
 * @param acknowledgedBy who booked it anyway
 * @param acknowledgedAt when
 */
public record BookingAcknowledgement(List<BookingWarning> warnings, String acknowledgedBy, Instant acknowledgedAt) {

    public BookingAcknowledgement {
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        if (warnings.isEmpty()) {
            throw new IllegalArgumentException("an acknowledgement acknowledges at least one warning");
        }
    }

    /** What the audit trail's further entry for it says. */
    public static final String AUDIT_ACTION = "acknowledge booking warnings (on call)";

    /**
     * The resource of that entry: the session and the codes acknowledged
     * ({@code /api/sessions/{id}#acknowledged=OUTSIDE_OPENING_HOURS,LABS_NOT_BACK}; at most 128 characters, well
     * inside the audit log's column).
     */
    public String auditResource(String sessionId) {
        return "/api/sessions/" + sessionId + "#acknowledged=" + String.join(",", warnings.stream()
                .map(w -> w.code().name()).toList());
    }

    /** Whether the booking acknowledged a warning of this code. */
    public boolean acknowledges(BookingWarning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }
}
