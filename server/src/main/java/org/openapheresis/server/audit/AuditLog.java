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
 * The append-only, hash-chained audit log. Appending locks the single chain head row, so entries from several
 * server processes still form one chain; a write and its audit entry commit in the same transaction.
 */
public final class AuditLog {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Appends in its own transaction. */
    public void append(String username, String action, String resource, String patientId, String outcome) {
        jdbi.useTransaction(h -> append(h, username, action, resource, patientId, outcome));
    }

    /** Appends inside the caller's transaction (so the write and its entry commit together). */
    public void append(Handle h, String username, String action, String resource, String patientId,
            String outcome) {
        var head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).one();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = Times.now(clock);
        String action1 = cut(action, 100);
        String resource1 = cut(resource, 300);
        String outcome1 = cut(outcome, 40);
        String hash = hash(seq, at, username, action1, resource1, patientId, outcome1, prev);
        h.createUpdate("INSERT INTO audit_entry (seq, at, username, action, resource, patient_id, outcome, prev_hash, "
                + "hash) VALUES (:seq, :at, :u, :a, :r, :p, :o, :prev, :hash)")
                .bind("seq", seq).bind("at", Times.toDb(at)).bind("u", username).bind("a", action1)
                .bind("r", resource1).bind("p", patientId).bind("o", outcome1).bind("prev", prev).bind("hash", hash)
                .execute();
        h.createUpdate("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .bind("seq", seq).bind("hash", hash).execute();
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
