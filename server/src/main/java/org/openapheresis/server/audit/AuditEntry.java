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
 * @param prevHash hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 over this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String username, String action, String resource, String patientId,
        String outcome, String prevHash, String hash) {
}
