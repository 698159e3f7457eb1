package org.openapheresis.server.audit;

import java.nio.file.Path;
import java.util.List;
import org.openapheresis.system.Problem;

/**
 * The server cannot keep its audit chain as it must, and so does not start: the key file cannot be read, created
 * or parsed, it holds another key than the one the database's chain is sealed with (starting anyway would fork
 * the chain into two keys that no single key verifies), or the checkpoint file cannot be written. Carries a
 * {@link Reason} key with its parameters.
 */
public final class AuditStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the server cannot start; the first parameter is always the file concerned. */
    public enum Reason {
        /** The key file exists but cannot be read: file, cause. */
        KEY_UNREADABLE("cannot read the audit key file {0}: {1}"),
        /** The key file is not one line of hexadecimal digits: file, digits, bytes. */
        KEY_MALFORMED("the audit key file {0} must hold {1} hexadecimal digits ({2} bytes) on one line"),
        /** There was no key file and it cannot be created: file, cause. */
        KEY_NOT_CREATED("cannot create the audit key file {0}: {1}"),
        /** None of the chain's latest keyed entries verifies under this key: file, the entries checked. */
        KEY_DOES_NOT_VERIFY_CHAIN("the audit key in {0} does not verify the latest keyed entries of the audit chain "
                + "(entries {1}): it is not the key the chain was sealed with. Every server process on one database "
                + "must use the same key file (copy it from the first server, or give its path with "
                + "--audit-key-file or OPENAPHERESIS_AUDIT_KEY_FILE). Refusing to start rather than fork the chain"),
        /** No entry is keyed yet but a process already started with another key: file. */
        KEY_CHECK_MISMATCH("the audit key in {0} is not the key another server process has already started this "
                + "database's audit chain with (its check value in audit_head differs). Every server process on one "
                + "database must use the same key file (copy it from the first server, or give its path with "
                + "--audit-key-file or OPENAPHERESIS_AUDIT_KEY_FILE). Refusing to start rather than fork the chain"),
        /** The checkpoint file cannot be read or appended to: file, cause. */
        CHECKPOINTS_UNWRITABLE("cannot read and append to the audit checkpoint file {0} (choose another with "
                + "--audit-checkpoints): {1}");

        private final String template;

        Reason(String template) {
            this.template = template;
        }

        /** The English text with the parameters put in. */
        public String format(List<Object> params) {
            return Problem.fill(template, params);
        }
    }

    private final Reason reason;
    private final transient List<Object> params;

    public AuditStartException(Reason reason, Path file, Object... more) {
        super(reason.format(params(file, more)));
        this.reason = reason;
        this.params = params(file, more);
    }

    private static List<Object> params(Path file, Object... more) {
        List<Object> all = new java.util.ArrayList<>();
        all.add(file);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    public Reason reason() {
        return reason;
    }

    /** The parameters, the key file first. */
    public List<Object> params() {
        return params;
    }
}
