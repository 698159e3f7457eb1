package org.openapheresis.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.db.GroupCommit;
import org.openapheresis.server.system.AuditTrail;
import org.openapheresis.server.system.CheckedWrite;

/**
 * Writes of many requests in one transaction, for the routes written at a machine's rate (run values): one writer
 * takes every such write waiting and, in one transaction, checks each in turn (reads only: a refusal refuses that
 * request alone and leaves the transaction as it was), makes the checked ones' statements with their audit
 * entries, and commits once. Each request answers only after that commit, so a 2xx is as durable as with a
 * transaction of its own; requests see each other's writes in the order they were taken, as if run one after the
 * other. A failure while writing or committing fails every request of the transaction, none acknowledged.
 */
final class SharedWrites {

    /** Writers taking shared writes at once, each with a transaction (and a connection) of its own. */
    static final int LANES = 4;

    /** One request's write: its check, and its audit entry once written (read after the check). */
    record Work(Function<Handle, CheckedWrite<?>> check, Supplier<AuditTrail.Entry> entry) {
    }

    private final GroupCommit<Work, Object> group;

    /**
     * @param audit where the entries go: all the transaction's in one batch of statements after its writes, so
     *     each request costs its check and its statements and shares the entry insert and the commit
     */
    SharedWrites(Jdbi jdbi, AuditTrail audit) {
        this(jdbi, audit, LANES);
    }

    SharedWrites(Jdbi jdbi, AuditTrail audit, int lanes) {
        group = new GroupCommit<>("openapheresis-shared-writer", lanes, items -> jdbi.inTransaction(h -> {
            List<GroupCommit.Outcome<Object>> outcomes = new ArrayList<>(items.size());
            List<AuditTrail.Entry> entries = new ArrayList<>(items.size());
            for (Work w : items) {
                CheckedWrite<?> checked;
                try {
                    checked = w.check().apply(h);
                } catch (RuntimeException refused) {
                    outcomes.add(GroupCommit.Outcome.refused(refused));
                    continue;
                }
                outcomes.add(GroupCommit.Outcome.written(checked.write(h)));
                entries.add(w.entry().get());
            }
            audit.append(h, entries);
            return outcomes;
        }));
    }

    /** Returns the write's result once its transaction has committed; throws its refusal or the failure. */
    @SuppressWarnings("unchecked")
    <T> T commit(Function<Handle, CheckedWrite<T>> check, Supplier<AuditTrail.Entry> entry) {
        return (T) group.commit(new Work(h -> check.apply(h), entry));
    }

    void close() {
        group.close();
    }
}
