package org.openapheresis.server.session;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a session stands. A session that took place or is taking place counts against its course. */
public enum SessionStatus {
    SCHEDULED("scheduled"), IN_PROGRESS("in-progress"), COMPLETED("completed"), ABORTED("aborted"),
    /** Called off before it started (a scheduled session), with the reason. */
    CANCELLED("cancelled");

    private final String code;

    SessionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    /** Whether the session counts against the sessions its order prescribes (not aborted or cancelled). */
    public boolean countsAgainstCourse() {
        return this == SCHEDULED || this == IN_PROGRESS || this == COMPLETED;
    }

    public static Optional<SessionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(SessionStatus::code).toList();
    }
}
