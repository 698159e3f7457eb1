package org.openapheresis.server.system;

import org.jdbi.v3.core.Handle;

/** Where the HTTP edge writes the audit entry of every call of an audited route. */
public interface AuditTrail {

    /** Appends inside the caller's transaction, so a write and its entry commit together. */
    void append(Handle h, String username, String action, String resource, String patientId, String outcome);

    /** One entry as the edge gives it. */
    record Entry(String username, String action, String resource, String patientId, String outcome) {
    }

    /** Appends several entries inside the caller's transaction, in their order (writes that share a transaction). */
    default void append(Handle h, java.util.List<Entry> entries) {
        for (Entry e : entries) {
            append(h, e.username(), e.action(), e.resource(), e.patientId(), e.outcome());
        }
    }

    /** Appends in a transaction of its own (a refused attempt, a read). */
    void append(String username, String action, String resource, String patientId, String outcome);
}
