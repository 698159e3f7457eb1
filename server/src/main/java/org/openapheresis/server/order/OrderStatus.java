package org.openapheresis.server.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an order stands: written by a physician, then signed. */
public enum OrderStatus {
    UNSIGNED, SIGNED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }

    public static Optional<OrderStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
