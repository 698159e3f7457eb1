package org.openapheresis.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openapheresis.server.auth.Tokens;
import org.openapheresis.server.db.Times;

/**
 * The append-only, hash-chained audit log. A write and its audit entry commit in the same transaction: the entry
 * lands in a pending table without a lock, so concurrent writes commit (and fsync) together. A sealer moves
 * pending entries onto the chain under the single chain-head row lock, so entries from several server processes
 * still form one chain: every few hundred milliseconds in the background, and always before the log is read or
 * verified. Until sealed (well under a second) an entry is durable but not yet covered by the chain.
 */
public final class AuditLog implements org.openapheresis.server.system.AuditTrail {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Appends in its own transaction. */
    @Override
    public void append(String username, String action, String resource, String patientId, String outcome) {
        jdbi.useTransaction(h -> append(h, username, action, resource, patientId, outcome));
    }

    /**
     * Appends inside the caller's transaction (so the write and its entry commit together). The entry goes to
     * the pending table without taking any lock; {@link #seal()} chains it shortly after.
     */
    @Override
    public void append(Handle h, String username, String action, String resource, String patientId,
            String outcome) {
        h.createUpdate("INSERT INTO audit_pending (id, at, username, action, resource, patient_id, outcome) "
                + "VALUES (:id, :at, :u, :a, :r, :p, :o)")
                .bind("id", org.openapheresis.server.db.Ids.next()).bind("at", Times.toDb(Times.now(clock)))
                .bind("u", username).bind("a", cut(action, 100)).bind("r", cut(resource, 300)).bind("p", patientId)
                .bind("o", cut(outcome, 40)).execute();
    }

    /**
     * Moves committed pending entries onto the hash chain, oldest first, under the chain-head row lock (so
     * sealers in several processes form one chain).
     *
     * @return entries sealed
     */
    public int seal() {
        return jdbi.inTransaction(h -> {
            var head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).one();
            long seq = (Long) head[0];
            String prev = (String) head[1];
            List<Object[]> pending = h.createQuery("SELECT id, at, username, action, resource, patient_id, outcome "
                    + "FROM audit_pending ORDER BY at, id LIMIT 5000")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), Times.fromDb(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)})
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            var insert = h.prepareBatch("INSERT INTO audit_entry (seq, at, username, action, resource, patient_id, "
                    + "outcome, prev_hash, hash) VALUES (:seq, :at, :u, :a, :r, :p, :o, :prev, :hash)");
            var delete = h.prepareBatch("DELETE FROM audit_pending WHERE id = :id");
            for (Object[] e : pending) {
                seq++;
                Instant at = (Instant) e[1];
                String hash = hash(seq, at, (String) e[2], (String) e[3], (String) e[4], (String) e[5], (String) e[6],
                        prev);
                insert.bind("seq", seq).bind("at", Times.toDb(at)).bind("u", e[2]).bind("a", e[3]).bind("r", e[4])
                        .bind("p", e[5]).bind("o", e[6]).bind("prev", prev).bind("hash", hash).add();
                delete.bind("id", e[0]).add();
                prev = hash;
            }
            insert.execute();
            delete.execute();
            h.createUpdate("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .bind("seq", seq).bind("hash", prev).execute();
            return pending.size();
        });
    }

    /** Seals until nothing is pending (before reading or verifying the log). */
    public void sealAll() {
        while (seal() > 0) {
            // a batch at a time
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String hash(long seq, Instant at, String username, String action, String resource, String patientId,
            String outcome, String prev) {
        String text = String.join("\u001f", Long.toString(seq), at.toString(), username, action, resource,
                patientId == null ? "" : patientId, outcome, prev);
        return Tokens.sha256Hex(text);
    }

    /** Entries, oldest first, optionally for one patient and from a time on. */
    public List<AuditEntry> entries(Optional<String> patientId, Optional<Instant> since, int limit) {
        sealAll();
        return jdbi.withHandle(h -> {
            StringBuilder sql = new StringBuilder("SELECT seq, at, username, action, resource, patient_id, outcome, "
                    + "prev_hash, hash FROM audit_entry WHERE 1 = 1");
            patientId.ifPresent(p -> sql.append(" AND patient_id = :p"));
            since.ifPresent(s -> sql.append(" AND at >= :since"));
            sql.append(" ORDER BY seq DESC LIMIT :limit");
            Query q = h.createQuery(sql.toString()).bind("limit", limit);
            patientId.ifPresent(p -> q.bind("p", p));
            since.ifPresent(s -> q.bind("since", Times.toDb(s)));
            List<AuditEntry> list = new ArrayList<>(q.map((rs, ctx) -> row(rs)).list());
            java.util.Collections.reverse(list);
            return list;
        });
    }

    private static AuditEntry row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong(1), Times.fromDb(rs.getObject(2, LocalDateTime.class)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * Recomputes the whole chain.
     *
     * @param valid true when every entry's hash matches its fields and the hash before, seq numbers run without
     *     gaps, and the head points at the last entry
     * @param entries number of entries checked
     * @param firstBadSeq the first entry that fails, or null
     */
    public record Verification(boolean valid, long entries, Long firstBadSeq) {
    }

    public Verification verify() {
        sealAll();
        return jdbi.withHandle(h -> {
            String[] prev = {GENESIS};
            long[] count = {0};
            Long[] bad = {null};
            h.createQuery("SELECT seq, at, username, action, resource, patient_id, outcome, prev_hash, hash "
                    + "FROM audit_entry ORDER BY seq").setFetchSize(1000).map((rs, ctx) -> row(rs)).useStream(s ->
                    s.forEach(e -> {
                        count[0]++;
                        if (bad[0] != null) {
                            return;
                        }
                        String expected = hash(e.seq(), e.at(), e.username(), e.action(), e.resource(), e.patientId(),
                                e.outcome(), prev[0]);
                        if (e.seq() != count[0] || !e.prevHash().equals(prev[0]) || !e.hash().equals(expected)) {
                            bad[0] = e.seq();
                        }
                        prev[0] = e.hash();
                    }));
            var head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).one();
            if (bad[0] == null && ((Long) head[0] != count[0] || !head[1].equals(prev[0]))) {
                bad[0] = count[0] + 1;
            }
            return new Verification(bad[0] == null, count[0], bad[0]);
        });
    }
}
