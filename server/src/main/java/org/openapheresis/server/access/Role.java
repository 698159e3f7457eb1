package org.openapheresis.server.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The roles of contract api-v1, with their contract codes. */
public enum Role {
    ADMIN, PHYSICIAN, NURSE, LAB, COORDINATOR, BILLING;

    /** @return the contract code, e.g. {@code physician} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Role::code).toList();
    }
}
