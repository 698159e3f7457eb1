package org.openapheresis.server.audit;

import java.time.Instant;

/**
 * One audit entry: who did what to which resource, when, and how it ended.
 *
 * @param seq position in the chain, from 1
 * @param at time (UTC, milliseconds)
 * @param username who
 * @param action what, e.g. {@code GET /api/patients/{id}} or {@code session.start}
 * @param resource the path of the resource
 * @param patientId the patient concerned, or null
 * @param outcome e.g. {@code 200}, {@code 403}
 * @param prevHash MAC (or legacy hash) of the entry before (64 zeros for the first)
 * @param hash this entry's MAC over its fields and {@code prevHash}: HMAC-SHA256 under the audit key when
 *     {@code macVersion} is {@link AuditLog#HMAC_V1}, plain SHA-256 for entries sealed before the key
 *     ({@link AuditLog#LEGACY})
 * @param macVersion how {@code hash} was computed
 */
public record AuditEntry(long seq, Instant at, String username, String action, String resource, String patientId,
        String outcome, String prevHash, String hash, int macVersion) {
}
