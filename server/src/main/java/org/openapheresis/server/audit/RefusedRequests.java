package org.openapheresis.server.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.system.RefusalCounter;

/**
 * Counts of requests refused before anyone was signed in, per minute, route and reason ({@code refused_request}).
 * A request only adds one to a counter in memory; the counts are added to the table by {@link #flush()}, which
 * the server runs with the audit sealer (every 250 ms) and when it stops, so a flood of anonymous requests costs
 * one upsert per minute, route and reason per flush rather than a write per request. Several processes add to
 * the same rows. A killed process loses at most the counts of its last quarter second: these are statistics, not
 * the audit log.
 */
public final class RefusedRequests implements RefusalCounter {

    /** How long the counts are kept. */
    public static final Duration RETENTION = Duration.ofDays(90);

    /** A count not yet in the table. */
    private record Key(Instant minute, String route, String reason) {
    }

    /** One row of the table. */
    public record Count(Instant minute, String route, String reason, long requests) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    public RefusedRequests(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void count(String route, Reason reason) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        String r = route.length() <= 120 ? route : route.substring(0, 120);
        pending.merge(new Key(minute, r, reason.code()), 1L, Long::sum); // atomic per key
    }

    /** Adds the counts held in memory to the table; deletes rows past {@link #RETENTION} once an hour. */
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            jdbi.useHandle(h -> {
                for (Key k : List.copyOf(pending.keySet())) {
                    Long n = pending.remove(k); // atomic: a count after this starts a new entry
                    if (n != null && n > 0) {
                        try {
                            add(h, k, n);
                        } catch (RuntimeException e) {
                            pending.merge(k, n, Long::sum); // kept for the next flush
                            throw e;
                        }
                    }
                }
            });
        }
        Instant now = clock.instant();
        Instant pruned = lastPruned.get();
        if (pruned.plus(Duration.ofHours(1)).isBefore(now) && lastPruned.compareAndSet(pruned, now)) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM refused_request WHERE minute_at < :c")
                    .bind("c", Times.toDb(now.minus(RETENTION))).execute());
        }
    }

    /**
     * Adds to a row, inserting it when it is missing; when another process inserts it at the same moment, the
     * duplicate key (SQLSTATE 23505 on both databases) is answered by adding to the row it inserted. Each statement
     * commits alone.
     */
    private static void add(Handle h, Key k, long n) {
        for (int tries = 0; tries < 3; tries++) {
            int updated = h.createUpdate("UPDATE refused_request SET requests = requests + :n "
                    + "WHERE minute_at = :m AND route = :r AND reason = :why")
                    .bind("n", n).bind("m", Times.toDb(k.minute())).bind("r", k.route()).bind("why", k.reason())
                    .execute();
            if (updated == 1) {
                return;
            }
            try {
                h.createUpdate("INSERT INTO refused_request (minute_at, route, reason, requests) "
                        + "VALUES (:m, :r, :why, :n)")
                        .bind("n", n).bind("m", Times.toDb(k.minute())).bind("r", k.route()).bind("why", k.reason())
                        .execute();
                return;
            } catch (UnableToExecuteStatementException e) {
                if (!duplicateKey(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not count refused requests of " + k.route());
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The counts in the table from a time on, oldest first (after a flush). */
    public List<Count> since(Instant from) {
        flush();
        return jdbi.withHandle(h -> h.createQuery("SELECT minute_at, route, reason, requests FROM refused_request "
                + "WHERE minute_at >= :f ORDER BY minute_at, route, reason").bind("f", Times.toDb(from))
                .map((rs, ctx) -> new Count(Times.fromDb(rs.getObject(1, LocalDateTime.class)), rs.getString(2),
                        rs.getString(3), rs.getLong(4)))
                .list());
    }
}
