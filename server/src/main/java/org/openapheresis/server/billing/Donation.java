package org.openapheresis.server.billing;

import java.util.Arrays;
import java.util.Optional;

/** Whose cells: the patient's own (autologous) or a donor's for another (allogeneic). */
public enum Donation {
    AUTOLOGOUS("autologous"),
    ALLOGENEIC("allogeneic");

    private final String code;

    Donation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<Donation> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
