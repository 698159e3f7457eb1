package org.openapheresis.server.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the audit chain's HMAC-SHA256, kept in a file outside the database: whoever can write to the
 * database but cannot read this file cannot compute an entry's MAC, so cannot recompute the chain after an edit.
 *
 * <p>The file holds the key as 64 hexadecimal digits (32 bytes) on one line. When it does not exist it is created
 * with 32 bytes from {@link SecureRandom}, readable and writable by its owner only (POSIX {@code rw-------}),
 * written and fsynced together with its directory before any entry is sealed with it. Two processes creating it
 * at once end up with the same key: the file appears under its name only complete (a hard link of a finished
 * temporary file), and the loser reads the winner's.
 */
public final class AuditKey {

    /** Bytes of key: the output size of SHA-256, as RFC 2104 recommends for HMAC-SHA256. */
    public static final int KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What the key check value is the MAC of (never an entry's or a checkpoint's text). */
    private static final String CHECK_TEXT = "openapheresis-audit-key-check-v1";

    private final SecretKeySpec key;
    private final Path file;
    private final boolean created;

    private AuditKey(byte[] bytes, Path file, boolean created) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.file = file;
        this.created = created;
    }

    /**
     * Reads the key from {@code file}, or creates the file with a new random key when there is none.
     *
     * @throws AuditStartException {@code KEY_UNREADABLE}, {@code KEY_MALFORMED} or {@code KEY_NOT_CREATED}
     */
    public static AuditKey loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            return new AuditKey(read(path), path, false);
        }
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        try {
            if (create(path, bytes)) {
                return new AuditKey(bytes, path, true);
            }
        } catch (IOException | RuntimeException e) {
            throw new AuditStartException(AuditStartException.Reason.KEY_NOT_CREATED, path, describe(e));
        }
        return new AuditKey(read(path), path, false); // another process created it first
    }

    /** A key from its bytes, not backed by a file (tests). */
    static AuditKey of(byte[] bytes, Path shownAs) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an audit key has " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        return new AuditKey(bytes.clone(), shownAs, false);
    }

    private static byte[] read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            throw new AuditStartException(AuditStartException.Reason.KEY_UNREADABLE, path, describe(e));
        }
        if (text.length() != 2 * KEY_BYTES || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new AuditStartException(AuditStartException.Reason.KEY_MALFORMED, path, 2 * KEY_BYTES, KEY_BYTES);
        }
        return HexFormat.of().parseHex(text);
    }

    /** Writes the key to a temporary file, fsyncs it and links it under its name; false when the name is taken. */
    private static boolean create(Path path, byte[] bytes) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".audit-key-", ".tmp", attrs);
        try {
            if (!posix) {
                ownerOnly(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap((HexFormat.of().formatHex(bytes) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.createLink(path, tmp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, path); // no hard links here: not atomic, but refuses an existing name
            }
            syncDirectory(dir);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnly(Path p) {
        java.io.File f = p.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true) & f.setWritable(false, false)
                & f.setWritable(true, true);
        if (!ok) {
            throw new IllegalStateException("cannot restrict " + p + " to its owner");
        }
    }

    /** Makes a new directory entry durable (POSIX); a no-op where directories cannot be opened. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a directory; its file system makes the entry durable with the file
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * HMAC-SHA256 of {@code text} (UTF-8) under this key.
     *
     * @return 64 lower-case hexadecimal digits
     */
    public String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** True when {@code expectedHex} is the MAC of {@code text}, compared in constant time. */
    public boolean verifies(String text, String expectedHex) {
        return expectedHex != null && MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The MAC of a fixed text: stored with the chain head so that a process started with another key is refused
     * even before any entry is sealed. It tells nothing about the key.
     */
    public String checkValue() {
        return mac(CHECK_TEXT);
    }

    /** The key file (absolute). */
    public Path file() {
        return file;
    }

    /** True when this start created the file. */
    public boolean created() {
        return created;
    }

    /**
     * The file's POSIX permissions when its group or others may read or write it (a key file should be
     * {@code rw-------}); empty when they may not or the file system has no POSIX permissions.
     */
    public Optional<String> tooOpenPermissions() {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return Optional.empty();
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            boolean open = p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
            return open ? Optional.of(PosixFilePermissions.toString(p)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Names the file, never the key. */
    @Override
    public String toString() {
        return "AuditKey[" + file + "]";
    }
}
