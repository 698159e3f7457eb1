package org.openapheresis.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapheresis.server.audit.AuditCheckpoints.Checkpoint;
import org.openapheresis.server.audit.AuditCheckpoints.Line;

/** The checkpoint file: what a line says, that it reads back authentic, and that an edit or another key shows. */
class AuditCheckpointsTest {

    @TempDir
    Path dir;

    private static final String MAC_A = "a".repeat(64);
    private static final String MAC_B = "b".repeat(64);

    private AuditCheckpoints file(String keyName) {
        return new AuditCheckpoints(dir.resolve("audit-checkpoints.log"), AuditKey.loadOrCreate(dir.resolve(keyName)));
    }

    @Test
    void appended_checkpoints_read_back_authentic_in_order_after_a_header() throws IOException {
        AuditCheckpoints f = file("audit.key");
        Checkpoint first = new Checkpoint(0, AuditLog.GENESIS, Instant.parse("2026-03-02T08:00:00Z"));
        Checkpoint second = new Checkpoint(17, MAC_A, Instant.parse("2026-03-02T08:01:00.120Z"));
        f.append(first);
        f.append(second);
        List<String> text = Files.readAllLines(f.file(), StandardCharsets.UTF_8);
        assertThat(text).hasSize(3);
        assertThat(text.get(0)).startsWith("# OpenApheresis audit checkpoints");
        assertThat(text.get(2)).matches("v1 17 a{64} 2026-03-02T08:01:00\\.120Z [0-9a-f]{64}");
        assertThat(f.read()).containsExactly(new Line(2, java.util.Optional.of(first), true),
                new Line(3, java.util.Optional.of(second), true));
        assertThat(f.last()).contains(second);
        if (Files.getFileStore(f.file()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.file())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void a_checkpoint_line_edited_by_hand_is_not_authentic() throws IOException {
        AuditCheckpoints f = file("audit.key");
        f.append(new Checkpoint(17, MAC_A, Instant.parse("2026-03-02T08:01:00Z")));
        String text = Files.readString(f.file());
        Files.writeString(f.file(), text.replace(" 17 ", " 12 "));
        List<Line> lines = f.read();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).checkpoint()).map(Checkpoint::seq).contains(12L);
        assertThat(lines.get(0).authentic()).isFalse();
        assertThat(f.last()).isEmpty();
    }

    @Test
    void a_checkpoint_written_under_another_key_is_not_authentic() throws IOException {
        file("other.key").append(new Checkpoint(3, MAC_B, Instant.parse("2026-03-02T08:01:00Z")));
        assertThat(file("audit.key").read()).singleElement().satisfies(l -> assertThat(l.authentic()).isFalse());
    }

    @Test
    void a_line_that_is_not_a_checkpoint_is_read_as_such() throws IOException {
        AuditCheckpoints f = file("audit.key");
        f.append(new Checkpoint(3, MAC_B, Instant.parse("2026-03-02T08:01:00Z")));
        Files.writeString(f.file(), "v1 4 not-a-mac\n\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
        List<Line> lines = f.read();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(new Line(3, java.util.Optional.empty(), false));
    }

    @Test
    void a_missing_file_has_no_checkpoints() throws IOException {
        assertThat(file("audit.key").read()).isEmpty();
        assertThat(file("audit.key").last()).isEmpty();
    }

    @Test
    void appends_from_many_threads_at_once_give_whole_authentic_lines() throws Exception {
        AuditCheckpoints f = file("audit.key");
        AuditCheckpoints sameFileOtherObject = new AuditCheckpoints(f.file(), AuditKey.loadOrCreate(
                dir.resolve("audit.key")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            AuditCheckpoints target = t % 2 == 0 ? f : sameFileOtherObject;
            long base = t * 1000L;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    target.append(new Checkpoint(base + i, MAC_A, Instant.parse("2026-03-02T08:01:00Z")));
                }
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        pool.shutdown();
        List<Line> lines = f.read();
        assertThat(lines).hasSize(200).allSatisfy(l -> assertThat(l.authentic()).isTrue());
        assertThat(Files.readAllLines(f.file()).stream().filter(l -> l.startsWith("#"))).hasSize(1);
    }
}
