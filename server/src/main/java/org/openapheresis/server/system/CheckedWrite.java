package org.openapheresis.server.system;

import org.jdbi.v3.core.Handle;

/**
 * A write checked against the database and ready to make, for writes that share one transaction with other
 * requests' ({@code Call.writeTogether}). The check that returns it read what it needed and refused what it must
 * (a {@link DomainException}, an {@code InvalidInputException}) without writing anything, so a refusal leaves the
 * shared transaction as it found it; {@link #write} then makes the statements, which must not fail for a reason
 * of the request's own: a failure there fails, unacknowledged, every request in the transaction.
 *
 * @param <T> what the write answers
 */
@FunctionalInterface
public interface CheckedWrite<T> {

    /** Makes the write's statements in the shared transaction. */
    T write(Handle h);
}
