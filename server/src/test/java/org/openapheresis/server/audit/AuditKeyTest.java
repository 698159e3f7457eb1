package org.openapheresis.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key file: created once with a random key for its owner only, read back, refused when malformed. */
class AuditKeyTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_key_file_is_created_with_32_random_bytes_readable_by_its_owner_only() throws IOException {
        Path file = dir.resolve("not-yet").resolve("audit.key");
        AuditKey created = AuditKey.loadOrCreate(file);
        assertThat(created.created()).isTrue();
        assertThat(created.file()).isEqualTo(file.toAbsolutePath());
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text).matches("[0-9a-f]{64}\n");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(created.tooOpenPermissions()).isEmpty();
        }
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left behind

        AuditKey again = AuditKey.loadOrCreate(file);
        assertThat(again.created()).isFalse();
        assertThat(again.mac("x")).isEqualTo(created.mac("x"));
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void two_new_key_files_hold_different_keys() {
        assertThat(AuditKey.loadOrCreate(dir.resolve("a.key")).mac("x"))
                .isNotEqualTo(AuditKey.loadOrCreate(dir.resolve("b.key")).mac("x"));
    }

    @Test
    void the_mac_is_hmac_sha256_as_an_independent_implementation_computes_it() {
        // expected values computed with Python 3: hmac.new(bytes(range(32)), msg, hashlib.sha256).hexdigest()
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        AuditKey key = AuditKey.of(bytes, dir.resolve("test.key"));
        assertThat(key.mac("openapheresis"))
                .isEqualTo("1ccc35c349ea583600bca6f25b4bc670f9b7713fee00d3a4ded7828f8c269f1b");
        assertThat(key.checkValue())
                .isEqualTo("ff24b241ff4c34d52a85619f3d07f105efb9b4f1fab468ace1539e7d6dd9b3d0");
        assertThat(key.verifies("openapheresis", "1ccc35c349ea583600bca6f25b4bc670f9b7713fee00d3a4ded7828f8c269f1b"))
                .isTrue();
        assertThat(key.verifies("openapheresiS", "1ccc35c349ea583600bca6f25b4bc670f9b7713fee00d3a4ded7828f8c269f1b"))
                .isFalse();
    }

    @Test
    void a_key_file_written_by_hand_in_capitals_with_surrounding_space_is_read() throws IOException {
        Path file = dir.resolve("hand.key");
        Files.writeString(file, "  " + "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F" + "\r\n");
        assertThat(AuditKey.loadOrCreate(file).mac("openapheresis"))
                .isEqualTo("1ccc35c349ea583600bca6f25b4bc670f9b7713fee00d3a4ded7828f8c269f1b");
    }

    @Test
    void a_key_file_that_is_not_64_hexadecimal_digits_is_refused_with_key_malformed() throws IOException {
        Path file = dir.resolve("short.key");
        Files.writeString(file, HexFormat.of().formatHex(new byte[16]));
        assertThatThrownBy(() -> AuditKey.loadOrCreate(file)).isInstanceOfSatisfying(AuditStartException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_MALFORMED);
                    assertThat(e.params()).containsExactly(file.toAbsolutePath(), 64, 32);
                });
    }

    @Test
    void a_key_file_that_is_a_directory_is_refused_with_key_unreadable() throws IOException {
        Path file = Files.createDirectory(dir.resolve("audit.key"));
        assertThatThrownBy(() -> AuditKey.loadOrCreate(file)).isInstanceOfSatisfying(AuditStartException.class,
                e -> assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_UNREADABLE));
    }

    @Test
    void a_key_file_that_cannot_be_created_is_refused_with_key_not_created() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> AuditKey.loadOrCreate(notADirectory.resolve("audit.key")))
                .isInstanceOfSatisfying(AuditStartException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuditStartException.Reason.KEY_NOT_CREATED));
    }

    @Test
    void a_key_file_others_may_read_is_reported_with_its_permissions() throws IOException {
        AuditKey key = AuditKey.loadOrCreate(dir.resolve("audit.key"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(key.file()).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(key.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(AuditKey.loadOrCreate(key.file()).tooOpenPermissions()).contains("rw-r--r--");
    }

    @Test
    void the_key_never_shows_in_its_text() {
        AuditKey key = AuditKey.loadOrCreate(dir.resolve("audit.key"));
        assertThat(key.toString()).contains("audit.key").doesNotContain(readKey(key));
    }

    private static String readKey(AuditKey key) {
        try {
            return Files.readString(key.file()).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
