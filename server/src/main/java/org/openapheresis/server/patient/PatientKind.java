package org.openapheresis.server.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a person is treated or donates. */
public enum PatientKind {
    PATIENT, DONOR;

    /** @return the API code, {@code patient} or {@code donor} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }

    public static Optional<PatientKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PatientKind::code).toList();
    }
}
