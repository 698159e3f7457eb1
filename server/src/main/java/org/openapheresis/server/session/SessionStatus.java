package org.openapheresis.server.session;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a session stands. */
public enum SessionStatus {
    SCHEDULED("scheduled"), IN_PROGRESS("in-progress"), COMPLETED("completed"), ABORTED("aborted");

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

    public static Optional<SessionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(SessionStatus::code).toList();
    }
}
