package org.openapheresis.server.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** When a lab sample was taken: with the record (baseline), or before, during or after a session. */
public enum LabPhase {
    BASELINE, PRE, DURING, POST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }

    public static Optional<LabPhase> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    /** The phases a session's labs are recorded in. */
    public static List<String> sessionCodes() {
        return List.of(PRE.code(), DURING.code(), POST.code());
    }
}
