package org.openapheresis.server.system;

import org.jdbi.v3.core.Handle;

/** Where the HTTP edge writes the audit entry of every call of an audited route. */
public interface AuditTrail {

    /** Appends inside the caller's transaction, so a write and its entry commit together. */
    void append(Handle h, String username, String action, String resource, String patientId, String outcome);

    /** Appends in a transaction of its own (a refused attempt, a read). */
    void append(String username, String action, String resource, String patientId, String outcome);
}
