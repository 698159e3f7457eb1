package org.openapheresis.server.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an order stands: written by a physician (and changed while unsigned), signed, and perhaps stopped. */
public enum OrderStatus {
    UNSIGNED, SIGNED,
    /** Signed, then stopped by a physician with the reason: no session of it may be scheduled or started. */
    STOPPED;

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
