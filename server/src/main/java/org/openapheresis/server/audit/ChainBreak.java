package org.openapheresis.server.audit;

import java.util.List;
import org.openapheresis.system.Problem;

/**
 * The stable keys of what {@link AuditLog#verify()} can find wrong, each with the sentence
 * {@code GET /api/audit/verify} answers as {@code problem}. Tests assert the key; the English is for people.
 */
public enum ChainBreak {
    /** An entry's seq is not its position in the chain: the seq found, the position. */
    OUT_OF_SEQUENCE("entry {0} is where entry {1} should be: entries were removed or renumbered"),
    /** An entry's prevHash is not the MAC of the entry before it: the seq. */
    NOT_CHAINED("entry {0} does not chain onto the entry before it (its prevHash is not that entry's MAC)"),
    /** A keyed entry does not match its HMAC: the seq. */
    MAC_MISMATCH("entry {0} does not match its HMAC under the audit key: a field was changed, or the chain was "
            + "recomputed without the key"),
    /** A legacy (plain SHA-256) entry does not match its hash: the seq. */
    LEGACY_HASH_MISMATCH("legacy entry {0} does not match its SHA-256: a field was changed"),
    /** An unkeyed entry after a keyed one: the seq, the first keyed seq. */
    UNKEYED_AFTER_KEYED("entry {0} is unkeyed (plain SHA-256) but comes after keyed entry {1}: the sealer never "
            + "writes one, so the chain was recomputed without the key"),
    /** An unkeyed entry after a checkpoint (written once keyed sealing had begun): the seq, checkpoint seq, time. */
    UNKEYED_AFTER_CHECKPOINT("entry {0} is unkeyed (plain SHA-256) but comes after the checkpoint of entry {1} "
            + "written at {2}, since when every entry is keyed: the chain was recomputed without the key"),
    /** A mac_version this version does not know: the seq, the version. */
    UNKNOWN_MAC_VERSION("entry {0} has mac_version {1}, which this version does not know"),
    /** The head row does not name the last entry: head seq, last seq. */
    HEAD_MISMATCH("the chain head names entry {0} but the chain ends at entry {1}: entries were added or removed "
            + "outside the sealer"),
    /** A checkpoint names an entry past the end of the chain: checkpoint seq, its time, last seq. */
    CHECKPOINT_ENTRY_MISSING("the checkpoint written at {1} names entry {0}, but the chain ends at entry {2}: "
            + "entries were cut from the end of the chain"),
    /** The entry at a checkpoint's seq has another MAC: checkpoint seq, its time, first seq that may be rewritten. */
    CHECKPOINT_MAC_MISMATCH("entry {0} no longer has the MAC that the checkpoint written at {1} recorded: an "
            + "entry from {2} to {0} was rewritten or the chain was cut and grew again"),
    /** A checkpoint line whose HMAC does not verify: line number, file. */
    CHECKPOINT_NOT_AUTHENTIC("line {0} of the checkpoint file {1} does not carry a valid HMAC under the audit key: "
            + "the line was edited, or written with another key"),
    /** A line that is not a checkpoint: line number, file. */
    CHECKPOINT_MALFORMED("line {0} of the checkpoint file {1} is not a checkpoint line"),
    /** The file exists but cannot be read: file, cause. */
    CHECKPOINTS_UNREADABLE("the checkpoint file {0} cannot be read: {1}"),
    /** A checkpoint this process wrote is gone from the file: file, its time, its seq. */
    CHECKPOINT_LOST("the checkpoint file {0} no longer holds the checkpoint this server wrote at {1} (entry {2}): "
            + "the file was cut or replaced");

    private final String template;

    ChainBreak(String template) {
        this.template = template;
    }

    /** The English text with the parameters put in. */
    public String format(List<Object> params) {
        return Problem.fill(template, params);
    }
}
