package org.openapheresis.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.audit.AuditCheckpoints.Checkpoint;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * The keyed audit chain against the real server on both databases, attacked as someone with write access to the
 * database would attack it: edit a field, recompute the chain (plain SHA-256, another key), cut its tail and set
 * the head to match. Each is caught, by the entry MACs or by the checkpoint file. The hashes and MACs an attacker
 * would compute are computed here independently of the server's code, from the published formats.
 */
class AuditChainTest {

    private static final String US = "\u001f";
    private static final String GENESIS = "0".repeat(64);

    // --- what an attacker with database access computes ------------------------------------------------------

    /** One entry's fields, as in the table. */
    record Row(long seq, Instant at, String username, String action, String resource, String patientId,
            String outcome) {

        /** The fields and the MAC before, as the chain's formats hash them (docs/architecture/audit.md). */
        String fields(String prev) {
            return String.join(US, Long.toString(seq), at.toString(), username, action, resource,
                    patientId == null ? "" : patientId, outcome, prev);
        }

        String keyedText(String prev) {
            return "openapheresis-audit-entry-v1" + US + fields(prev);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] keyFrom(Path keyFile) throws IOException {
        return HexFormat.of().parseHex(Files.readString(keyFile).strip());
    }

    static byte[] randomKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return k;
    }

    static Jdbi db(Unit u) {
        return u.server.services().db().jdbi();
    }

    /**
     * Rewrites every entry from {@code fromSeq} on with {@code hashOf(row, prev)} and the given mac_version, and
     * sets the head to match, under the head lock (as a careful attacker would, so no sealer interleaves).
     */
    static void rewriteChain(Jdbi jdbi, long fromSeq, int macVersion, BiFunction<Row, String, String> hashOf) {
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
            List<Row> rows = h.createQuery("SELECT seq, at, username, action, resource, patient_id, outcome "
                    + "FROM audit_entry WHERE seq >= :from ORDER BY seq").bind("from", fromSeq)
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getObject(2, LocalDateTime.class)
                            .toInstant(ZoneOffset.UTC), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7))).list();
            String prev = fromSeq == 1 ? GENESIS : h.createQuery("SELECT hash FROM audit_entry WHERE seq = :s")
                    .bind("s", fromSeq - 1).mapTo(String.class).one();
            long last = fromSeq - 1;
            for (Row r : rows) {
                String hash = hashOf.apply(r, prev);
                h.createUpdate("UPDATE audit_entry SET prev_hash = :p, hash = :h, mac_version = :v WHERE seq = :s")
                        .bind("p", prev).bind("h", hash).bind("v", macVersion).bind("s", r.seq()).execute();
                prev = hash;
                last = r.seq();
            }
            h.createUpdate("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1").bind("s", last)
                    .bind("h", prev).execute();
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static Map<String, Object> verify(Unit u) {
        return Unit.expect(u.api.get("/api/audit/verify", u.token(Role.ADMIN)), 200).map();
    }

    private static long number(Object n) {
        return ((Number) n).longValue();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Registers a patient, has the lab read the record and the admin try to (refused): three entries. */
    private static String patientWork(Unit u) {
        String id = u.createPatient("MRN-AUDIT-" + System.nanoTime());
        Unit.expect(u.api.get("/api/patients/" + id, u.token(Role.LAB)), 200);
        Unit.expect(u.api.get("/api/patients/" + id, u.token(Role.ADMIN)), 403);
        return id;
    }

    /** Seals what is pending and checkpoints the head. */
    private static Checkpoint sealAndCheckpoint(Unit u) {
        AuditLog audit = u.server.services().audit();
        audit.sealAll();
        return audit.checkpoint().orElseThrow();
    }

    /** The seq of the refused read of {@code patient}: the entry someone would want to hide. */
    private static long refusedRead(Unit u, String patient) {
        return u.api.get("/api/audit?patientId=" + patient, u.token(Role.ADMIN)).list().stream()
                .filter(e -> "403".equals(e.get("outcome"))).mapToLong(e -> number(e.get("seq"))).findFirst()
                .orElseThrow();
    }

    private static void assertBroken(Map<String, Object> v, ChainBreak key) {
        assertThat(v).containsEntry("valid", false).containsEntry("problemKey", key.name());
        assertThat((String) v.get("problem")).isNotBlank();
    }

    // --- the tests -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_untouched_chain_verifies_every_entry_keyed_with_its_last_checkpoint(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            patientWork(u);
            Checkpoint c = sealAndCheckpoint(u);
            assertThat(u.server.services().audit().checkpoint()).as("the head did not move").isEmpty();
            Map<String, Object> v = verify(u);
            assertThat(v).containsEntry("valid", true).containsEntry("firstBadEntry", null)
                    .containsEntry("legacyEntries", 0).doesNotContainKeys("problem", "problemKey");
            assertThat(number(v.get("entries"))).isEqualTo(c.seq()).isGreaterThanOrEqualTo(10);
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) v.get("lastCheckpoint");
            assertThat(number(last.get("seq"))).isEqualTo(c.seq());
            assertThat(Instant.parse((String) last.get("at"))).isEqualTo(c.at());
            assertThat(u.api.get("/api/audit", u.token(Role.ADMIN)).list())
                    .allSatisfy(e -> assertThat(e).containsEntry("macVersion", AuditLog.HMAC_V1));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void editing_one_field_of_one_entry_is_caught_at_that_entry(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            long seq = refusedRead(u, patientWork(u));
            sealAndCheckpoint(u);
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '200' WHERE seq = :s")
                    .bind("s", seq).execute());
            Map<String, Object> v = verify(u);
            assertBroken(v, ChainBreak.MAC_MISMATCH);
            assertThat(number(v.get("firstBadEntry"))).isEqualTo(seq);
            assertThat((String) v.get("problem")).startsWith("entry " + seq + " does not match its HMAC");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void deleting_one_entry_in_the_middle_is_caught_at_the_entry_after_it(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            long seq = refusedRead(u, patientWork(u));
            patientWork(u);
            sealAndCheckpoint(u);
            db(u).useHandle(h -> h.createUpdate("DELETE FROM audit_entry WHERE seq = :s").bind("s", seq).execute());
            Map<String, Object> v = verify(u);
            assertBroken(v, ChainBreak.OUT_OF_SEQUENCE);
            assertThat(number(v.get("firstBadEntry"))).isEqualTo(seq + 1);
            assertThat((String) v.get("problem")).startsWith("entry " + (seq + 1) + " is where entry " + seq
                    + " should be");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void recomputing_the_whole_chain_with_plain_sha256_is_caught_at_the_first_entry_marked_keyed_or_legacy(
            Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            long seq = refusedRead(u, patientWork(u));
            sealAndCheckpoint(u);
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '200' WHERE seq = :s")
                    .bind("s", seq).execute());
            rewriteChain(db(u), 1, AuditLog.HMAC_V1, (r, prev) -> sha256(r.fields(prev)));
            Map<String, Object> keyed = verify(u);
            assertBroken(keyed, ChainBreak.MAC_MISMATCH);
            assertThat(number(keyed.get("firstBadEntry"))).isEqualTo(1);

            // marked as entries from before the key: the checkpoint written at the first start says that every
            // entry after it is keyed
            rewriteChain(db(u), 1, AuditLog.LEGACY, (r, prev) -> sha256(r.fields(prev)));
            Map<String, Object> legacy = verify(u);
            assertBroken(legacy, ChainBreak.UNKEYED_AFTER_CHECKPOINT);
            assertThat(number(legacy.get("firstBadEntry"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void recomputing_the_whole_chain_with_another_key_is_caught_at_the_first_entry(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            long seq = refusedRead(u, patientWork(u));
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '200' WHERE seq = :s")
                    .bind("s", seq).execute());
            byte[] wrong = randomKey();
            rewriteChain(db(u), 1, AuditLog.HMAC_V1, (r, prev) -> hmac(wrong, r.keyedText(prev)));
            Map<String, Object> v = verify(u);
            assertBroken(v, ChainBreak.MAC_MISMATCH);
            assertThat(number(v.get("firstBadEntry"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void cutting_the_last_entries_with_the_head_set_to_match_is_caught_by_the_checkpoint(Databases.Kind kind) {
        try (Unit u = Unit.start(kind)) {
            patientWork(u);
            Checkpoint c = sealAndCheckpoint(u);
            long keep = c.seq() - 3;
            db(u).useTransaction(h -> {
                h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
                h.createUpdate("DELETE FROM audit_entry WHERE seq > :k").bind("k", keep).execute();
                h.createUpdate("UPDATE audit_head SET last_seq = :k, last_hash = (SELECT hash FROM audit_entry "
                        + "WHERE seq = :k) WHERE id = 1").bind("k", keep).execute();
            });
            Map<String, Object> cut = verify(u);
            assertBroken(cut, ChainBreak.CHECKPOINT_ENTRY_MISSING);
            assertThat(number(cut.get("firstBadEntry"))).isEqualTo(keep + 1);
            assertThat(number(cut.get("entries"))).isEqualTo(keep);

            // new entries sealed over the cut seqs chain correctly, but not onto what the checkpoint recorded
            patientWork(u);
            Map<String, Object> regrown = verify(u);
            assertBroken(regrown, ChainBreak.CHECKPOINT_MAC_MISMATCH);
            assertThat(number(regrown.get("firstBadEntry"))).isBetween(1L, keep + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void rewriting_an_earlier_entry_even_with_the_key_is_caught_by_the_checkpoint(Databases.Kind kind)
            throws IOException {
        ServerConfig config = Databases.config(kind);
        try (Unit u = Unit.start(config, AccessPolicy.contract(), List.of())) {
            long seq = refusedRead(u, patientWork(u));
            sealAndCheckpoint(u);
            byte[] stolen = keyFrom(config.auditKeyFile());
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '200' WHERE seq = :s")
                    .bind("s", seq).execute());
            rewriteChain(db(u), seq, AuditLog.HMAC_V1, (r, prev) -> hmac(stolen, r.keyedText(prev)));
            Map<String, Object> v = verify(u);
            assertBroken(v, ChainBreak.CHECKPOINT_MAC_MISMATCH);
            assertThat(number(v.get("firstBadEntry"))).isLessThanOrEqualTo(seq);
        }
    }

    /** The limit docs/architecture/audit.md states: with the key, what was sealed after the last checkpoint. */
    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void with_the_key_entries_sealed_after_the_last_checkpoint_can_be_rewritten_undetected(Databases.Kind kind)
            throws IOException {
        ServerConfig config = Databases.config(kind);
        try (Unit u = Unit.start(config, AccessPolicy.contract(), List.of())) {
            patientWork(u);
            Checkpoint c = sealAndCheckpoint(u);
            long seq = refusedRead(u, patientWork(u));
            u.server.services().audit().sealAll();
            assertThat(seq).isGreaterThan(c.seq());
            assertThat(u.server.services().audit().checkpoints().last()).as("no timed checkpoint since").contains(c);
            byte[] stolen = keyFrom(config.auditKeyFile());
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '200' WHERE seq = :s")
                    .bind("s", seq).execute());
            rewriteChain(db(u), seq, AuditLog.HMAC_V1, (r, prev) -> hmac(stolen, r.keyedText(prev)));
            assertThat(verify(u)).containsEntry("valid", true);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void entries_sealed_before_the_key_keep_verifying_as_legacy_and_the_first_keyed_entry_chains_onto_them(
            Databases.Kind kind) throws IOException {
        ServerConfig config = Databases.config(kind);
        String url = config.jdbcUrl().orElse("jdbc:h2:file:" + config.dataDir().toAbsolutePath()
                .resolve("openapheresis") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MODE=Regular");
        String user = config.jdbcUrl().isPresent() ? "postgres" : "sa";
        // the schema before V8, with three entries sealed by the previous version (plain SHA-256)
        Flyway.configure().dataSource(url, user, "").target(lastVersionBefore8(url, user))
                .locations("classpath:db/migration").load().migrate();
        Jdbi old = Jdbi.create(url, user, "");
        String prev = GENESIS;
        Instant at = Instant.parse("2026-03-01T08:00:00.250Z");
        for (long seq = 1; seq <= 3; seq++) {
            Row r = new Row(seq, at.plusSeconds(seq), "nurse1", "GET /api/patients/{id}", "/api/patients/p" + seq,
                    "p" + seq, "200");
            String hash = sha256(r.fields(prev));
            String before = prev;
            old.useHandle(h -> h.createUpdate("INSERT INTO audit_entry (seq, at, username, action, resource, "
                    + "patient_id, outcome, prev_hash, hash) VALUES (:s, :at, :u, :a, :r, :p, :o, :prev, :h)")
                    .bind("s", r.seq()).bind("at", LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC))
                    .bind("u", r.username()).bind("a", r.action()).bind("r", r.resource()).bind("p", r.patientId())
                    .bind("o", r.outcome()).bind("prev", before).bind("h", hash).execute());
            prev = hash;
        }
        String lastLegacy = prev;
        old.useHandle(h -> h.createUpdate("UPDATE audit_head SET last_seq = 3, last_hash = :h WHERE id = 1")
                .bind("h", lastLegacy).execute());

        try (Unit u = Unit.start(config, AccessPolicy.contract(), List.of())) {
            patientWork(u);
            Map<String, Object> v = verify(u);
            assertThat(v).containsEntry("valid", true).containsEntry("legacyEntries", 3);
            assertThat(number(v.get("entries"))).isGreaterThan(3);
            List<Map<String, Object>> entries = u.api.get("/api/audit", u.token(Role.ADMIN)).list();
            assertThat(entries.subList(0, 3)).allSatisfy(e -> assertThat(e).containsEntry("macVersion", 0));
            assertThat(entries.get(3)).containsEntry("seq", 4).containsEntry("prevHash", lastLegacy)
                    .containsEntry("macVersion", 1);
            AuditCheckpoints file = u.server.services().audit().checkpoints();
            assertThat(file.read().get(0).checkpoint()).map(Checkpoint::seq).as("the first start anchors the legacy "
                    + "entries").contains(3L);

            // a legacy entry edited is caught as before
            db(u).useHandle(h -> h.createUpdate("UPDATE audit_entry SET outcome = '403' WHERE seq = 2").execute());
            Map<String, Object> edited = verify(u);
            assertBroken(edited, ChainBreak.LEGACY_HASH_MISMATCH);
            assertThat(number(edited.get("firstBadEntry"))).isEqualTo(2);
        }
    }

    /** The newest migration before V8 (V6 and V7 are other branches' and may not be here yet). */
    private static MigrationVersion lastVersionBefore8(String url, String user) {
        MigrationVersion v8 = MigrationVersion.fromVersion("8");
        return java.util.Arrays.stream(Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .load().info().all()).map(MigrationInfo::getVersion).filter(v -> v.compareTo(v8) < 0)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void closing_the_server_checkpoints_the_head_when_it_moved(Databases.Kind kind) throws IOException {
        ServerConfig config = Databases.config(kind);
        long head;
        AuditCheckpoints file;
        int linesBeforeClose;
        try (Unit u = Unit.start(config, AccessPolicy.contract(), List.of())) {
            patientWork(u);
            u.server.services().audit().sealAll();
            head = u.server.services().audit().verify().entries();
            file = u.server.services().audit().checkpoints();
            linesBeforeClose = file.read().size();
        }
        assertThat(file.read()).hasSize(linesBeforeClose + 1);
        assertThat(file.last()).map(Checkpoint::seq).contains(head);
        try (OpenApheresisServer again = OpenApheresisServer.start(config, quiet())) {
            assertThat(file.read()).as("the head did not move, so the start adds none").hasSize(linesBeforeClose + 1);
            assertThat(again.services().audit().verify().valid()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_restart_with_another_key_is_refused_before_and_after_entries_are_sealed_and_the_right_key_starts(
            Databases.Kind kind) throws IOException {
        ServerConfig config = Databases.config(kind);
        ServerConfig otherKey = config.withAuditKeyFile(Databases.tempDir().resolve("other.key"));
        OpenApheresisServer.start(config, quiet()).close(); // nothing audited yet: only the key check value
        assertThatThrownBy(() -> OpenApheresisServer.start(otherKey, quiet()))
                .isInstanceOfSatisfying(AuditStartException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_CHECK_MISMATCH);
                    assertThat(e.params().get(0)).isEqualTo(otherKey.auditKeyFile().toAbsolutePath());
                });
        try (Unit u = Unit.start(config, AccessPolicy.contract(), List.of())) {
            patientWork(u);
        }
        AuditCheckpoints checkpoints = new AuditCheckpoints(config.auditCheckpointFile(),
                AuditKey.loadOrCreate(config.auditKeyFile()));
        int lines = checkpoints.read().size();
        assertThatThrownBy(() -> OpenApheresisServer.start(otherKey, quiet()))
                .isInstanceOfSatisfying(AuditStartException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_DOES_NOT_VERIFY_CHAIN);
                    assertThat(e.getMessage()).contains(otherKey.auditKeyFile().toAbsolutePath().toString())
                            .contains("Refusing to start rather than fork the chain");
                });
        assertThat(checkpoints.read()).as("the refused start wrote no checkpoint").hasSize(lines);
        try (OpenApheresisServer again = OpenApheresisServer.start(config, quiet())) {
            assertThat(again.services().audit().verify().valid()).isTrue();
        }
    }

    @Test
    void a_second_server_process_with_the_same_key_file_shares_the_chain() throws IOException {
        ServerConfig a = Databases.config(Databases.Kind.POSTGRESQL);
        ServerConfig b = ServerConfig.embedded(0, Databases.tempDir()).withJdbc(a.jdbcUrl().orElseThrow(), "postgres",
                null).withBcryptCost(Databases.TEST_BCRYPT_COST).withAuditKeyFile(a.auditKeyFile());
        try (Unit ua = Unit.start(a, AccessPolicy.contract(), List.of());
                OpenApheresisServer sb = OpenApheresisServer.start(b, quiet())) {
            Api apiB = new Api(sb.port());
            String nurse = ua.token(Role.NURSE);
            String onA = patientWork(ua);
            String onB = Unit.expect(apiB.post("/api/patients", nurse, Unit.msRelapsePatient("MRN-B-" + System.nanoTime())),
                    201).id();
            Unit.expect(apiB.get("/api/patients/" + onA, ua.token(Role.LAB)), 200);
            sb.services().audit().sealAll();
            Checkpoint byB = sb.services().audit().checkpoint().orElseThrow();
            patientWork(ua);
            Checkpoint byA = sealAndCheckpoint(ua);
            assertThat(byA.seq()).isGreaterThan(byB.seq());
            Map<String, Object> onAVerify = verify(ua);
            Map<String, Object> onBVerify = Unit.expect(apiB.get("/api/audit/verify", ua.token(Role.ADMIN)), 200)
                    .map();
            assertThat(onAVerify).containsEntry("valid", true);
            assertThat(onBVerify).containsEntry("valid", true).containsEntry("entries", onAVerify.get("entries"));
            assertThat(number(((Map<?, ?>) onBVerify.get("lastCheckpoint")).get("seq"))).isEqualTo(byB.seq());
            assertThat(ua.api.get("/api/audit?patientId=" + onB, ua.token(Role.ADMIN)).list())
                    .extracting(e -> e.get("username") + " " + e.get("action"))
                    .containsExactly("nurse1 POST /api/patients");
            assertThat(b.auditCheckpointFile()).isNotEqualTo(a.auditCheckpointFile()).exists();
        }
    }

    @Test
    void a_second_server_process_with_another_key_refuses_to_start_and_the_chain_stays_whole() {
        ServerConfig a = Databases.config(Databases.Kind.POSTGRESQL);
        ServerConfig b = ServerConfig.embedded(0, Databases.tempDir()).withJdbc(a.jdbcUrl().orElseThrow(), "postgres",
                null).withBcryptCost(Databases.TEST_BCRYPT_COST);
        try (Unit ua = Unit.start(a, AccessPolicy.contract(), List.of())) {
            patientWork(ua);
            ua.server.services().audit().sealAll();
            assertThatThrownBy(() -> OpenApheresisServer.start(b, quiet()))
                    .isInstanceOfSatisfying(AuditStartException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_DOES_NOT_VERIFY_CHAIN);
                        assertThat(e.params().get(0)).isEqualTo(b.auditKeyFile().toAbsolutePath());
                    });
            assertThat(b.auditCheckpointFile()).doesNotExist();
            patientWork(ua);
            assertThat(verify(ua)).containsEntry("valid", true);
        }
    }

    @Test
    void a_checkpoint_file_that_cannot_be_written_refuses_the_start_naming_it() throws IOException {
        ServerConfig config = Databases.config(Databases.Kind.H2);
        Path notADirectory = Files.writeString(config.dataDir().resolve("plain-file"), "x");
        Path file = notADirectory.resolve("audit-checkpoints.log");
        assertThatThrownBy(() -> OpenApheresisServer.start(config.withAuditCheckpointFile(file), quiet()))
                .isInstanceOfSatisfying(AuditStartException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuditStartException.Reason.CHECKPOINTS_UNWRITABLE);
                    assertThat(e.params().get(0)).isEqualTo(file.toAbsolutePath());
                });
    }

    @Test
    void a_checkpoint_line_edited_in_the_file_is_reported_without_blaming_an_entry() throws IOException {
        try (Unit u = Unit.start(Databases.Kind.H2)) {
            patientWork(u);
            Checkpoint c = sealAndCheckpoint(u);
            Path file = u.server.services().audit().checkpoints().file();
            String text = Files.readString(file);
            Files.writeString(file, text.replace("v1 " + c.seq() + " ", "v1 " + (c.seq() - 1) + " "));
            Map<String, Object> v = verify(u);
            assertBroken(v, ChainBreak.CHECKPOINT_NOT_AUTHENTIC);
            assertThat(v).containsEntry("firstBadEntry", null);
            assertThat((String) v.get("problem")).contains(file.toString());
        }
    }
}
