package org.openapheresis.server.db;

import java.util.UUID;

/** Identifiers of stored records: random UUIDs, so several server processes never collide. */
public final class Ids {

    private Ids() {
    }

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public static String next() {
        return UUID.randomUUID().toString();
    }

    /** True for text shaped as the ids this server makes (a lower-case UUID); anything else names no record. */
    public static boolean isId(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
