package org.openapheresis.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openapheresis.server.audit.AuditCheckpoints.Checkpoint;
import org.openapheresis.server.audit.AuditCheckpoints.Line;
import org.openapheresis.server.auth.Tokens;
import org.openapheresis.server.db.Times;

/**
 * The append-only, MAC-chained audit log. A write and its audit entry commit in the same transaction: the entry
 * lands in a pending table without a lock, so concurrent writes commit (and fsync) together. A sealer moves
 * pending entries onto the chain under the single chain-head row lock, so entries from several server processes
 * still form one chain: every few hundred milliseconds in the background, and always before the log is read or
 * verified. Until sealed (well under a second) an entry is durable but not yet covered by the chain.
 *
 * <p>Each sealed entry carries an HMAC-SHA256, under the {@link AuditKey} kept outside the database, of its
 * fields and the MAC of the entry before; entries sealed before the key existed keep their plain SHA-256
 * ({@link #LEGACY}) and the first keyed entry chains onto the last of them. {@link #checkpoint()} appends the
 * head to the {@link AuditCheckpoints} file, and {@link #verify()} checks the chain and every checkpoint.
 */
public final class AuditLog implements org.openapheresis.server.system.AuditTrail {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** {@code mac_version} of entries sealed before the audit key: plain SHA-256 over the fields. */
    public static final int LEGACY = 0;
    /** {@code mac_version} of keyed entries: HMAC-SHA256 under the audit key. */
    public static final int HMAC_V1 = 1;
    /** Writers committing entries of reads and refusals at once, each in transactions of its own. */
    static final int WRITER_LANES = 4;
    /** How far back from the head the start-up looks for keyed entries to check the key against. */
    static final int START_CHECK_ENTRIES = 8;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    /** Puts an entry's MAC text apart from a checkpoint's and the key check's. */
    private static final String ENTRY_MAC_PREFIX = "openapheresis-audit-entry-v1";
    private static final String COLUMNS = "seq, at, username, action, resource, patient_id, outcome, prev_hash, "
            + "hash, mac_version";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    /** The last checkpoint in the file as this process knows it: what "the head moved" is measured from. */
    private Checkpoint lastCheckpoint;
    /** The last checkpoint this process wrote, which the file must still hold. */
    private volatile Checkpoint writtenHere;
    /** Entries appended outside a caller's transaction, committed together. */
    private final org.openapheresis.server.db.GroupCommit<PendingRow, Void> group;

    public AuditLog(Jdbi jdbi, Clock clock, AuditKey key, AuditCheckpoints checkpoints) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key = key;
        this.checkpoints = checkpoints;
        this.group = org.openapheresis.server.db.GroupCommit.allOrNothing("openapheresis-audit-writer",
                WRITER_LANES, this::insertPending);
    }

    private void insertPending(List<PendingRow> rows) {
        jdbi.useTransaction(h -> insertPending(h, rows));
    }

    private static void insertPending(Handle h, List<PendingRow> rows) {
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO audit_pending "
                + "(id, at, username, action, resource, patient_id, outcome) VALUES (:id, :at, :u, :a, :r, :p, :o)");
        for (PendingRow r : rows) {
            batch.bind("id", r.id()).bind("at", r.at()).bind("u", r.username()).bind("a", r.action())
                    .bind("r", r.resource()).bind("p", r.patientId()).bind("o", r.outcome()).add();
        }
        batch.execute();
    }

    private PendingRow row(String username, String action, String resource, String patientId, String outcome) {
        return new PendingRow(org.openapheresis.server.db.Ids.next(), Times.toDb(Times.now(clock)), username,
                cut(action, 100), cut(resource, 300), patientId, cut(outcome, 40));
    }

    /** Appends the entries in one batch of statements inside the caller's transaction. */
    @Override
    public void append(Handle h, List<Entry> entries) {
        if (!entries.isEmpty()) {
            insertPending(h, entries.stream().map(e -> row(e.username(), e.action(), e.resource(), e.patientId(),
                    e.outcome())).toList());
        }
    }

    public AuditKey key() {
        return key;
    }

    public AuditCheckpoints checkpoints() {
        return checkpoints;
    }

    /**
     * Appends in a transaction of its own and returns once the entry is committed. Concurrent callers (audited
     * reads, refusals) commit together: one writer thread takes every entry waiting and inserts them in one
     * transaction, so sixteen reads at once cost one commit rather than sixteen, and each caller still answers
     * only after its entry is durable. A failed commit fails every caller whose entry it held.
     */
    @Override
    public void append(String username, String action, String resource, String patientId, String outcome) {
        group.commit(row(username, action, resource, patientId, outcome));
    }

    /** Stops the writer of {@link #append(String, String, String, String, String)} after what waits is written. */
    public void close() {
        group.close();
    }

    /** An entry of the pending table as inserted. */
    record PendingRow(String id, java.time.LocalDateTime at, String username, String action, String resource,
            String patientId, String outcome) {
    }


    /**
     * Appends inside the caller's transaction (so the write and its entry commit together). The entry goes to
     * the pending table without taking any lock; {@link #seal()} chains it shortly after.
     */
    @Override
    public void append(Handle h, String username, String action, String resource, String patientId,
            String outcome) {
        PendingRow r = row(username, action, resource, patientId, outcome);
        h.createUpdate("INSERT INTO audit_pending (id, at, username, action, resource, patient_id, outcome) "
                + "VALUES (:id, :at, :u, :a, :r, :p, :o)").bind("id", r.id()).bind("at", r.at()).bind("u", r.username())
                .bind("a", r.action()).bind("r", r.resource()).bind("p", r.patientId()).bind("o", r.outcome()).execute();
    }

    /** The head row: last seq, its MAC, and the check value of the key the chain is sealed with (or null). */
    private record Head(long seq, String hash, String keyCheck) {
    }

    private static Head head(Handle h, boolean lock) {
        return h.createQuery("SELECT last_seq, last_hash, key_check FROM audit_head WHERE id = 1"
                + (lock ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).one();
    }

    /**
     * Before the server serves: checks, under the chain-head lock, that this process's key is the chain's, and
     * writes a checkpoint of the head when the file's last one is not of it (on the first start, this anchors the
     * legacy entries: every entry after it must be keyed).
     *
     * <p>The key is the chain's when one of the keyed entries among the last {@value #START_CHECK_ENTRIES}
     * verifies under it (if some do and some do not, the key is right and the chain was altered: that is logged
     * and left to {@link #verify()}); when none is keyed yet, when the check value stored with the head by the
     * first keyed start is this key's (or none is stored yet, and this key's is stored).
     *
     * @throws AuditStartException {@code KEY_DOES_NOT_VERIFY_CHAIN}, {@code KEY_CHECK_MISMATCH} or
     *     {@code CHECKPOINTS_UNWRITABLE}
     */
    public void start() {
        String check = key.checkValue();
        jdbi.useTransaction(h -> {
            Head head = head(h, true);
            List<AuditEntry> latest = h.createQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > :from "
                    + "AND mac_version = :v ORDER BY seq DESC").bind("from", head.seq() - START_CHECK_ENTRIES)
                    .bind("v", HMAC_V1).map((rs, ctx) -> row(rs)).list();
            if (!latest.isEmpty()) {
                List<Long> failing = latest.stream().filter(e -> !authentic(e)).map(AuditEntry::seq).toList();
                if (failing.size() == latest.size()) {
                    long newest = latest.get(0).seq();
                    long oldest = latest.get(latest.size() - 1).seq();
                    throw new AuditStartException(AuditStartException.Reason.KEY_DOES_NOT_VERIFY_CHAIN, key.file(),
                            oldest == newest ? Long.toString(newest) : oldest + ".." + newest);
                }
                if (!failing.isEmpty()) {
                    LOG.warn("audit entries {} do not verify under the audit key although the entries around them "
                            + "do: the chain was altered; see GET /api/audit/verify", failing);
                }
                if (!check.equals(head.keyCheck())) {
                    storeKeyCheck(h, check);
                }
            } else if (head.keyCheck() == null) {
                storeKeyCheck(h, check);
            } else if (!head.keyCheck().equals(check)) {
                throw new AuditStartException(AuditStartException.Reason.KEY_CHECK_MISMATCH, key.file());
            }
        });
        try {
            synchronized (this) {
                lastCheckpoint = checkpoints.last().orElse(null);
            }
            checkpointOrThrow();
        } catch (IOException | UncheckedIOException e) {
            throw new AuditStartException(AuditStartException.Reason.CHECKPOINTS_UNWRITABLE, checkpoints.file(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void storeKeyCheck(Handle h, String check) {
        h.createUpdate("UPDATE audit_head SET key_check = :c WHERE id = 1").bind("c", check).execute();
    }

    /**
     * Moves committed pending entries onto the chain, oldest first, under the chain-head row lock (so sealers in
     * several processes form one chain), each with its HMAC under the key.
     *
     * @return entries sealed
     */
    public int seal() {
        return jdbi.inTransaction(h -> {
            Head head = head(h, true);
            long seq = head.seq();
            String prev = head.hash();
            List<Object[]> pending = h.createQuery("SELECT id, at, username, action, resource, patient_id, outcome "
                    + "FROM audit_pending ORDER BY at, id LIMIT 5000")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), Times.fromDb(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)})
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            var insert = h.prepareBatch("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (:seq, :at, :u, :a, :r, "
                    + ":p, :o, :prev, :hash, :v)");
            var delete = h.prepareBatch("DELETE FROM audit_pending WHERE id = :id");
            for (Object[] e : pending) {
                seq++;
                Instant at = (Instant) e[1];
                String mac = key.mac(macText(seq, at, (String) e[2], (String) e[3], (String) e[4], (String) e[5],
                        (String) e[6], prev));
                insert.bind("seq", seq).bind("at", Times.toDb(at)).bind("u", e[2]).bind("a", e[3]).bind("r", e[4])
                        .bind("p", e[5]).bind("o", e[6]).bind("prev", prev).bind("hash", mac).bind("v", HMAC_V1)
                        .add();
                delete.bind("id", e[0]).add();
                prev = mac;
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

    /**
     * Appends a checkpoint of the chain head to the checkpoint file, fsynced, when the head moved since the last
     * checkpoint this process knows of. The head entry is checked first (it must be there with the head's MAC and
     * verify), so a head set by hand is never signed.
     *
     * @return the checkpoint written, or empty when the head did not move or does not verify
     * @throws UncheckedIOException when the file cannot be appended to
     */
    public Optional<Checkpoint> checkpoint() {
        try {
            return checkpointOrThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + checkpoints.file(), e);
        }
    }

    private synchronized Optional<Checkpoint> checkpointOrThrow() throws IOException {
        Head head = jdbi.withHandle(h -> head(h, false));
        if (lastCheckpoint != null && lastCheckpoint.seq() == head.seq() && lastCheckpoint.mac().equals(head.hash())) {
            return Optional.empty();
        }
        boolean verifies = head.seq() == 0 ? head.hash().equals(GENESIS)
                : entry(head.seq()).filter(e -> e.hash().equals(head.hash()) && authentic(e)).isPresent();
        if (!verifies) {
            LOG.error("not writing an audit checkpoint: the chain head (entry {}) does not verify; see "
                    + "GET /api/audit/verify", head.seq());
            return Optional.empty();
        }
        Checkpoint c = new Checkpoint(head.seq(), head.hash(), Times.now(clock));
        checkpoints.append(c);
        lastCheckpoint = c;
        writtenHere = c;
        return Optional.of(c);
    }

    private Optional<AuditEntry> entry(long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = :s")
                .bind("s", seq).map((rs, ctx) -> row(rs)).findOne());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The fields and the MAC before, as hashed: unit separators between, the patient empty when there is none. */
    private static String fields(long seq, Instant at, String username, String action, String resource,
            String patientId, String outcome, String prev) {
        return String.join("\u001f", Long.toString(seq), at.toString(), username, action, resource,
                patientId == null ? "" : patientId, outcome, prev);
    }

    /** What a keyed entry's HMAC is computed over. */
    static String macText(long seq, Instant at, String username, String action, String resource, String patientId,
            String outcome, String prev) {
        return ENTRY_MAC_PREFIX + "\u001f" + fields(seq, at, username, action, resource, patientId, outcome, prev);
    }

    /** A legacy entry's hash: SHA-256 over the fields, exactly as entries were sealed before the key. */
    static String legacyHash(long seq, Instant at, String username, String action, String resource,
            String patientId, String outcome, String prev) {
        return Tokens.sha256Hex(fields(seq, at, username, action, resource, patientId, outcome, prev));
    }

    /** True when the entry's hash is its MAC (or legacy hash) over its fields and its own prevHash. */
    private boolean authentic(AuditEntry e) {
        return switch (e.macVersion()) {
            case LEGACY -> Tokens.same(e.hash(), legacyHash(e.seq(), e.at(), e.username(), e.action(), e.resource(),
                    e.patientId(), e.outcome(), e.prevHash()));
            case HMAC_V1 -> key.verifies(macText(e.seq(), e.at(), e.username(), e.action(), e.resource(),
                    e.patientId(), e.outcome(), e.prevHash()), e.hash());
            default -> false;
        };
    }

    /** Entries, oldest first, optionally for one patient and from a time on. */
    public List<AuditEntry> entries(Optional<String> patientId, Optional<Instant> since, int limit) {
        sealAll();
        return jdbi.withHandle(h -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
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
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getInt(10));
    }

    /**
     * What verification found wrong first.
     *
     * @param key what failed
     * @param firstBadEntry the first entry that fails or is missing, when the break is in the chain (empty when it
     *     is in the checkpoint file)
     * @param params the parameters of {@code key}'s sentence
     */
    public record Break(ChainBreak key, Optional<Long> firstBadEntry, List<Object> params) {

        public Break {
            params = List.copyOf(params);
        }

        static Break at(ChainBreak key, long seq, Object... params) {
            return new Break(key, Optional.of(seq), List.of(params));
        }

        static Break inFile(ChainBreak key, Object... params) {
            return new Break(key, Optional.empty(), List.of(params));
        }

        /** The sentence {@code GET /api/audit/verify} answers as {@code problem}. */
        public String message() {
            return key.format(params);
        }
    }

    /**
     * The result of checking the whole chain and every checkpoint.
     *
     * @param entries number of entries checked
     * @param legacyEntries how many of them were sealed before the key (plain SHA-256)
     * @param lastCheckpoint the last authentic checkpoint of the file
     * @param problem what failed first (the lowest entry; a fault of the checkpoint file only when the chain has
     *     none), empty when everything verifies
     */
    public record Verification(long entries, long legacyEntries, Optional<Checkpoint> lastCheckpoint,
            Optional<Break> problem) {

        /** True when every entry verifies, the head names the last one and every checkpoint agrees. */
        public boolean valid() {
            return problem.isEmpty();
        }

        public Optional<Long> firstBadEntry() {
            return problem.flatMap(Break::firstBadEntry);
        }
    }

    /**
     * Recomputes the whole chain and checks it against every checkpoint, under the chain-head lock (so no sealer
     * moves the head meanwhile; writes still commit, their entries wait in the pending table). Checks, in order:
     * each entry's seq follows the one before, its prevHash is the MAC before, its MAC (or, before the first keyed
     * entry and the first checkpoint, its legacy hash) matches; the head names the last entry; every line of the
     * checkpoint file is authentic, and the entry at its seq is there with its MAC.
     */
    public Verification verify() {
        sealAll();
        return jdbi.inTransaction(h -> {
            Head head = head(h, true);
            List<Line> lines;
            List<Break> breaks = new ArrayList<>();
            try {
                lines = checkpoints.read();
            } catch (IOException e) {
                lines = List.of();
                breaks.add(Break.inFile(ChainBreak.CHECKPOINTS_UNREADABLE, checkpoints.file(),
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            List<Checkpoint> authentic = new ArrayList<>();
            for (Line l : lines) {
                if (l.checkpoint().isEmpty()) {
                    breaks.add(Break.inFile(ChainBreak.CHECKPOINT_MALFORMED, l.number(), checkpoints.file()));
                } else if (!l.authentic()) {
                    breaks.add(Break.inFile(ChainBreak.CHECKPOINT_NOT_AUTHENTIC, l.number(), checkpoints.file()));
                } else {
                    authentic.add(l.checkpoint().get());
                }
            }
            Checkpoint mine = writtenHere;
            if (mine != null && !authentic.contains(mine)) {
                breaks.add(Break.inFile(ChainBreak.CHECKPOINT_LOST, checkpoints.file(), mine.at(), mine.seq()));
            }
            Optional<Checkpoint> anchor = authentic.stream().min(Comparator.comparingLong(Checkpoint::seq));
            Map<Long, String> macAt = new HashMap<>();
            authentic.forEach(c -> macAt.put(c.seq(), null));
            macAt.put(0L, GENESIS);
            Chain chain = new Chain(anchor, macAt);
            h.createQuery("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq").setFetchSize(1000)
                    .map((rs, ctx) -> row(rs)).useStream(s -> s.forEach(chain::check));
            chain.problem.ifPresent(breaks::add);
            if (head.seq() != chain.count || !head.hash().equals(chain.prev)) {
                breaks.add(Break.at(ChainBreak.HEAD_MISMATCH, chain.count + 1, head.seq(), chain.count));
            }
            breaks.addAll(checkpointBreaks(authentic, macAt, chain.count));
            Optional<Break> first = breaks.stream().min(Comparator.comparing(
                    (Break b) -> b.firstBadEntry().orElse(Long.MAX_VALUE)));
            return new Verification(chain.count, chain.legacy, authentic.isEmpty() ? Optional.empty()
                    : Optional.of(authentic.get(authentic.size() - 1)), first);
        });
    }

    /** Checks each checkpoint against the MAC found at its seq; the lowest-seq failure is what to report. */
    private static List<Break> checkpointBreaks(List<Checkpoint> authentic, Map<Long, String> macAt, long count) {
        List<Checkpoint> bySeq = new ArrayList<>(authentic);
        bySeq.sort(Comparator.comparingLong(Checkpoint::seq).thenComparing(Checkpoint::at));
        List<Break> breaks = new ArrayList<>();
        long lastGood = 0;
        for (Checkpoint c : bySeq) {
            if (c.seq() > count) {
                breaks.add(Break.at(ChainBreak.CHECKPOINT_ENTRY_MISSING, count + 1, c.seq(), c.at(), count));
                break;
            }
            if (!c.mac().equals(macAt.get(c.seq()))) {
                breaks.add(Break.at(ChainBreak.CHECKPOINT_MAC_MISMATCH, lastGood + 1, c.seq(), c.at(),
                        lastGood + 1));
                break;
            }
            lastGood = c.seq();
        }
        return breaks;
    }

    /** The walk along the entries in seq order: the first break in the chain, and the MACs at checkpoint seqs. */
    private final class Chain {
        private final Optional<Checkpoint> anchor;
        private final Map<Long, String> macAt;
        private long count;
        private long legacy;
        private String prev = GENESIS;
        private Long firstKeyed;
        private Optional<Break> problem = Optional.empty();

        Chain(Optional<Checkpoint> anchor, Map<Long, String> macAt) {
            this.anchor = anchor;
            this.macAt = macAt;
        }

        void check(AuditEntry e) {
            count++;
            if (e.macVersion() == LEGACY) {
                legacy++;
            } else if (firstKeyed == null) {
                firstKeyed = e.seq();
            }
            if (problem.isEmpty()) {
                problem = breakAt(e);
            }
            if (macAt.containsKey(e.seq())) {
                macAt.put(e.seq(), e.hash());
            }
            prev = e.hash();
        }

        private Optional<Break> breakAt(AuditEntry e) {
            long seq = e.seq();
            if (seq != count) {
                return Optional.of(Break.at(ChainBreak.OUT_OF_SEQUENCE, seq, seq, count));
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of(Break.at(ChainBreak.NOT_CHAINED, seq, seq));
            }
            if (e.macVersion() == LEGACY && firstKeyed != null) {
                return Optional.of(Break.at(ChainBreak.UNKEYED_AFTER_KEYED, seq, seq, firstKeyed));
            }
            if (e.macVersion() == LEGACY && anchor.isPresent() && seq > anchor.get().seq()) {
                return Optional.of(Break.at(ChainBreak.UNKEYED_AFTER_CHECKPOINT, seq, seq, anchor.get().seq(),
                        anchor.get().at()));
            }
            if (e.macVersion() != LEGACY && e.macVersion() != HMAC_V1) {
                return Optional.of(Break.at(ChainBreak.UNKNOWN_MAC_VERSION, seq, seq, e.macVersion()));
            }
            if (!authentic(e)) {
                return Optional.of(Break.at(e.macVersion() == LEGACY ? ChainBreak.LEGACY_HASH_MISMATCH
                        : ChainBreak.MAC_MISMATCH, seq, seq));
            }
            return Optional.empty();
        }
    }
}
