package org.openapheresis.server.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The checkpoint file: an append-only text file, outside the database, of signed snapshots of the chain head. A
 * database writer who cuts the chain's tail or rewrites an entry cannot make the database agree with a checkpoint
 * again, and cannot forge or edit a checkpoint without the key.
 *
 * <p>Format (UTF-8, one checkpoint a line, fields separated by one space; lines starting with {@code #} are
 * comments):
 * <pre>
 * v1 SEQ HEAD_MAC AT HMAC
 * </pre>
 * {@code SEQ} is the head's sequence number (0 for an empty chain), {@code HEAD_MAC} the MAC (or legacy hash) of
 * that entry in 64 hexadecimal digits (64 zeros for seq 0), {@code AT} the time it was written (ISO-8601 UTC,
 * milliseconds) and {@code HMAC} the HMAC-SHA256 under the audit key of
 * {@code "openapheresis-audit-checkpoint-v1" US SEQ US HEAD_MAC US AT} (US = U+001F).
 *
 * <p>A line is appended with one write under an exclusive lock of the file (a lock in this JVM, then an OS file
 * lock for other processes on this host), and fsynced before {@link #append} returns. The file is only ever
 * opened to append, so it can be made append-only ({@code chattr +a}) or live on a volume the database host
 * cannot write.
 */
public final class AuditCheckpoints {

    /** The head at a moment, as a checkpoint records it. */
    public record Checkpoint(long seq, String mac, Instant at) {

        public Checkpoint {
            if (seq < 0) {
                throw new IllegalArgumentException("seq " + seq + " is negative");
            }
            if (!HEX64.matcher(mac).matches()) {
                throw new IllegalArgumentException("a head MAC is 64 hexadecimal digits");
            }
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * One line of the file that is not a comment.
     *
     * @param number line number, from 1
     * @param checkpoint what the line says, empty when it is not a checkpoint line
     * @param authentic true when its HMAC verifies under the key
     */
    public record Line(int number, Optional<Checkpoint> checkpoint, boolean authentic) {
    }

    static final String VERSION = "v1";
    private static final String MAC_PREFIX = "openapheresis-audit-checkpoint-v1";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final String HEADER = "# OpenApheresis audit checkpoints, one a line: v1 SEQ HEAD_MAC AT HMAC "
            + "(HMAC-SHA256 under the audit key). Append-only: never edit; keep where the database cannot write.\n";
    /** One lock per file in this JVM: OS file locks are held by the whole JVM, so they do not order its threads. */
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final AuditKey key;

    public AuditCheckpoints(Path file, AuditKey key) {
        this.file = file.toAbsolutePath().normalize();
        this.key = key;
    }

    public Path file() {
        return file;
    }

    /** The line for a checkpoint, without its newline. */
    String format(Checkpoint c) {
        return String.join(" ", VERSION, Long.toString(c.seq()), c.mac(), c.at().toString(), key.mac(signed(c)));
    }

    private static String signed(Checkpoint c) {
        return String.join("\u001f", MAC_PREFIX, Long.toString(c.seq()), c.mac(), c.at().toString());
    }

    /** Appends one checkpoint and fsyncs the file (and, when this created it, its directory). */
    public void append(Checkpoint c) throws IOException {
        byte[] line = (format(c) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (JVM_LOCKS.computeIfAbsent(file, f -> new Object())) {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), attrs);
                    FileLock lock = ch.lock()) {
                boolean fresh = ch.size() == 0;
                ByteBuffer out = ByteBuffer.wrap(fresh ? concat(HEADER.getBytes(StandardCharsets.UTF_8), line) : line);
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
                if (fresh) {
                    AuditKey.syncDirectory(dir);
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * Every line that is not a comment or blank, in file order; none when the file does not exist.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public List<Line> read() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = r.readLine()) != null) {
                number++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                lines.add(parse(number, text));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return lines;
    }

    /** The last authentic checkpoint of the file. */
    public Optional<Checkpoint> last() throws IOException {
        Checkpoint last = null;
        for (Line l : read()) {
            if (l.authentic()) {
                last = l.checkpoint().orElseThrow();
            }
        }
        return Optional.ofNullable(last);
    }

    Line parse(int number, String text) {
        String[] f = text.split(" ", -1);
        if (f.length != 5 || !f[0].equals(VERSION) || !HEX64.matcher(f[2]).matches()
                || !HEX64.matcher(f[4]).matches()) {
            return new Line(number, Optional.empty(), false);
        }
        Checkpoint c;
        try {
            c = new Checkpoint(Long.parseLong(f[1]), f[2], Instant.parse(f[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new Line(number, Optional.empty(), false);
        }
        // verify over the text as written, so a time written with other precision cannot pass as another
        boolean authentic = c.at().toString().equals(f[3])
                && key.verifies(String.join("\u001f", MAC_PREFIX, f[1], f[2], f[3]), f[4]);
        return new Line(number, Optional.of(c), authentic);
    }
}
