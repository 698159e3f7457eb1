package org.openapheresis.server.patient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A person's preferred times as stored, and their revision: the first 16 hex digits of the SHA-256 of the times in a
 * fixed form (day, from, to, Monday first). A change names the revision it was made from; the same times always
 * have the same revision, so a change made from times that were since changed and changed back loses nothing.
 *
 * @param preferredTimes the windows, Monday first
 * @param revision what a change of them must name
 */
public record PreferredTimes(List<PreferredTime> preferredTimes, String revision) {

    /** Hex digits of a revision. */
    static final int REVISION_HEX_DIGITS = 16;

    public PreferredTimes {
        preferredTimes = List.copyOf(preferredTimes);
        Objects.requireNonNull(revision, "revision");
    }

    /** The times with their revision. */
    public static PreferredTimes of(List<PreferredTime> times) {
        StringBuilder text = new StringBuilder();
        for (PreferredTime t : times) {
            text.append(t.day()).append(' ').append(t.from()).append(' ').append(t.to()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new PreferredTimes(times, HexFormat.of().formatHex(digest).substring(0, REVISION_HEX_DIGITS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
